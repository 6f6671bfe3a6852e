package io.herald.simulator.opentext;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.simulator.FaultEndpoint;
import io.herald.simulator.Faults;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The simulator's own control API: recorded submissions and faults, for local mode and tests. */
@ApplicationScoped
class ControlHandler {

    private final OpenTextSimulator simulator;
    private final JsonReplies replies;
    private final FaultEndpoint<FaultSettings> faults;

    @Inject
    ControlHandler(OpenTextSimulator simulator, JsonReplies replies, ObjectMapper mapper) {
        this.simulator = simulator;
        this.replies = replies;
        this.faults = new FaultEndpoint<>(mapper, FaultSettings.class,
                Faults.FIELDS + ", deliveryState, deliveryStates", replies, simulator.faults());
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

    /** {@code GET} and {@code POST _faults}. */
    FaultEndpoint<FaultSettings> faults() {
        return faults;
    }
}
