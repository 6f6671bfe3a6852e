package io.herald.simulator.opentext;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;

/** The simulator's own control API: recorded submissions and faults, for local mode and tests. */
@ApplicationScoped
class ControlHandler {

    private final OpenTextSimulator simulator;
    private final JsonReplies replies;
    private final ObjectReader faultSettings;

    @Inject
    ControlHandler(OpenTextSimulator simulator, JsonReplies replies, ObjectMapper mapper) {
        this.simulator = simulator;
        this.replies = replies;
        // Strict, so a misspelt fault name is refused instead of silently doing nothing.
        this.faultSettings = mapper.readerFor(FaultSettings.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** {@code GET _messages[?to=address]}. */
    void messages(RoutingContext context) {
        String to = context.queryParams().get("to");
        replies.send(context, 200, to == null ? simulator.submissions() : simulator.submissionsTo(to));
    }

    /** {@code DELETE _messages}: forgets submissions and faults. */
    void reset(RoutingContext context) {
        simulator.reset();
        context.response().setStatusCode(204).end();
    }

    /** {@code GET _faults}. */
    void faults(RoutingContext context) {
        replies.send(context, 200, simulator.faults().current());
    }

    /** {@code POST _faults}: changes the settings present in the body, answers the resulting plan. */
    void changeFaults(RoutingContext context) {
        FaultSettings settings;
        try {
            String body = context.body().asString();
            settings = faultSettings.readValue(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException unreadable) {
            replies.error(context, 400, "invalid_request", "Expected a JSON object with latencyMs, failNext, "
                    + "failStatus, retryAfterSeconds, down, deliveryState");
            return;
        }
        try {
            simulator.faults().apply(settings);
        } catch (IllegalArgumentException outOfRange) {
            replies.error(context, 400, "invalid_request", outOfRange.getMessage());
            return;
        }
        replies.send(context, 200, simulator.faults().current());
    }
}
