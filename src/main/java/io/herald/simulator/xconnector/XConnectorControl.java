package io.herald.simulator.xconnector;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.simulator.FaultEndpoint;
import io.herald.simulator.Faults;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** The simulator's own control API: applied write-backs, every call, and faults, for local mode and tests. */
@ApplicationScoped
class XConnectorControl {

    private final XConnectorSimulator simulator;
    private final SimulatorReplies replies;
    private final FaultEndpoint<XConnectorFaultSettings> faults;

    XConnectorControl(XConnectorSimulator simulator, SimulatorReplies replies, ObjectMapper mapper) {
        this.simulator = simulator;
        this.replies = replies;
        this.faults = new FaultEndpoint<>(mapper, XConnectorFaultSettings.class, Faults.FIELDS,
                replies, simulator.faults());
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

    /** {@code GET} and {@code POST _faults}. */
    FaultEndpoint<XConnectorFaultSettings> faults() {
        return faults;
    }
}
