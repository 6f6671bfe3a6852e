package io.herald.simulator.opentext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.simulator.ReplyWriter;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the simulator's JSON answers with Herald's object mapper (ISO dates, records). */
@ApplicationScoped
class JsonReplies implements ReplyWriter {

    private final ObjectMapper mapper;

    @Inject
    JsonReplies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void send(RoutingContext context, int status, Object body) {
        String json;
        try {
            json = mapper.writeValueAsString(body);
        } catch (JsonProcessingException bug) {
            context.fail(bug);
            return;
        }
        context.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(json);
    }

    @Override
    public void error(RoutingContext context, int status, String code, String message, List<String> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        if (details != null && !details.isEmpty()) {
            body.put("details", details);
        }
        send(context, status, body);
    }

    void error(RoutingContext context, int status, String code, String message) {
        error(context, status, code, message, List.of());
    }
}
