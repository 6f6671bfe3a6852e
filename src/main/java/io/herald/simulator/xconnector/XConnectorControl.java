package io.herald.simulator.xconnector;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The simulator's own control API: applied write-backs, every call, and faults, for local mode and tests. */
@ApplicationScoped
class XConnectorControl {

    private final XConnectorSimulator simulator;
    private final SimulatorReplies replies;
    private final ObjectReader faultSettings;

    XConnectorControl(XConnectorSimulator simulator, SimulatorReplies replies, ObjectMapper mapper) {
        this.simulator = simulator;
        this.replies = replies;
        // Strict, so a misspelt fault name is refused instead of silently doing nothing.
        this.faultSettings = mapper.readerFor(XConnectorFaultSettings.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** {@code GET writebacks}: the applied write-backs and every call with its answer, oldest first. */
    void writeBacks(RoutingContext context) {
        replies.send(context, 200, Map.of("writebacks", simulator.writeBacks(), "calls", simulator.calls()));
    }

    /** {@code DELETE writebacks}: forgets write-backs, calls, applied keys and faults. */
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
        XConnectorFaultSettings settings;
        try {
            String body = context.body().asString();
            settings = faultSettings.readValue(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException unreadable) {
            replies.error(context, 400, "invalid_request", "Expected a JSON object with latencyMs, failNext, "
                    + "failStatus, retryAfterSeconds, down", List.of());
            return;
        }
        try {
            simulator.faults().apply(settings);
        } catch (IllegalArgumentException outOfRange) {
            replies.error(context, 400, "invalid_request", outOfRange.getMessage(), List.of());
            return;
        }
        replies.send(context, 200, simulator.faults().current());
    }
}
