package io.herald.simulator.xconnector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.simulator.ReplyWriter;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the simulator's JSON answers with Herald's object mapper (ISO dates, records). */
@ApplicationScoped
class SimulatorReplies implements ReplyWriter {

    private final ObjectMapper mapper;

    SimulatorReplies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void send(RoutingContext context, int status, Object body) {
        String text;
        try {
            text = mapper.writeValueAsString(body);
        } catch (JsonProcessingException bug) {
            context.fail(bug);
            return;
        }
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(text);
    }

    @Override
    public void error(RoutingContext context, int status, String code, String message, List<String> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        if (!details.isEmpty()) {
            body.put("details", details);
        }
        send(context, status, body);
    }
}
