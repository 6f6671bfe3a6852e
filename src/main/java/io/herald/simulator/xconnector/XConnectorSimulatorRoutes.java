package io.herald.simulator.xconnector;

import io.herald.config.RunMode;
import io.quarkus.logging.Log;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;


/**
 * Puts the xConnector simulator on Herald's own HTTP router in local mode ({@link RunMode}); in production it is
 * not served. It
 * plays both of xConnector's parts: sending events to Herald, and receiving Herald's write-backs.
 *
 * <pre>
 * POST   /sim/xconnector/emit          sign a CloudEvent and post it to Herald's intake
 * POST   /sim/xconnector/writebacks    the write-back endpoint (docs/xconnector-writeback.openapi.yaml)
 * GET    /sim/xconnector/writebacks    applied write-backs and every call     DELETE: forget them and faults
 * GET    /sim/xconnector/_faults                                              POST:   change faults
 * </pre>
 */
@ApplicationScoped
public class XConnectorSimulatorRoutes {

    public static final String BASE = "/sim/xconnector";

    /** Far above any write-back, low enough to keep a runaway client from filling memory. */
    private static final long BODY_LIMIT_BYTES = 1024L * 1024;

    private final boolean enabled;
    private final EventEmitter emitter;
    private final WriteBackReceiver receiver;
    private final XConnectorControl control;

    XConnectorSimulatorRoutes(RunMode mode,
            EventEmitter emitter, WriteBackReceiver receiver, XConnectorControl control) {
        this.enabled = mode.local();
        this.emitter = emitter;
        this.receiver = receiver;
        this.control = control;
    }

    void init(@Observes Router router) {
        if (!enabled) {
            return;
        }
        router.route(BASE + "/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
        router.post(BASE + "/emit").blockingHandler(emitter::emit, false);
        router.post(BASE + "/writebacks").handler(receiver::receive);
        router.get(BASE + "/writebacks").handler(control::writeBacks);
        router.delete(BASE + "/writebacks").handler(control::reset);
        router.get(BASE + "/_faults").handler(control.faults()::get);
        router.post(BASE + "/_faults").handler(control.faults()::change);
        Log.infof("xConnector simulator is listening under %s", BASE);
    }
}
