package io.herald.simulator.opentext;

import io.herald.config.RunMode;
import io.quarkus.logging.Log;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;


/**
 * Puts the simulator on Herald's own HTTP router in local mode ({@link RunMode}); in production it is not served.
 *
 * <pre>
 * POST   /sim/opentext/tenants/{tenant}/oauth2/token
 * POST   /sim/opentext/mra/v1/outbound/emails            GET .../emails/status?job_id=
 * POST   /sim/opentext/mra/v1/outbound/sms               GET .../sms/status?job_id=
 * POST   /sim/opentext/deployments/notifications/{app}/push
 * GET    /sim/opentext/_messages[?to=address]            DELETE /sim/opentext/_messages
 * GET    /sim/opentext/_faults                           POST   /sim/opentext/_faults
 * </pre>
 */
@ApplicationScoped
public class OpenTextSimulatorRoutes {

    public static final String BASE = "/sim/opentext";

    /** Well above any e-mail Herald renders, low enough to keep a runaway client from filling memory. */
    private static final long BODY_LIMIT_BYTES = 10L * 1024 * 1024;

    private final boolean enabled;
    private final FaultGate gate;
    private final TokenHandler token;
    private final MessagingHandler messaging;
    private final PushHandler push;
    private final ControlHandler control;

    @Inject
    OpenTextSimulatorRoutes(RunMode mode, FaultGate gate,
                            TokenHandler token, MessagingHandler messaging, PushHandler push, ControlHandler control) {
        this.enabled = mode.local();
        this.gate = gate;
        this.token = token;
        this.messaging = messaging;
        this.push = push;
        this.control = control;
    }

    void init(@Observes Router router) {
        if (!enabled) {
            return;
        }
        router.route(BASE + "/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
        router.routeWithRegex(BASE + "/(tenants|mra|deployments)/.*").handler(gate::connection);
        // Planned failures hit submissions only: status reads of earlier messages must not use them up.
        router.postWithRegex(BASE + "/(mra|deployments)/.*").handler(gate::failures);

        router.post(BASE + "/tenants/:tenant/oauth2/token").handler(token::issue);
        router.post(BASE + "/mra/v1/outbound/emails").handler(messaging::submitEmail);
        router.post(BASE + "/mra/v1/outbound/sms").handler(messaging::submitSms);
        router.get(BASE + "/mra/v1/outbound/emails/status").handler(messaging::emailStatus);
        router.get(BASE + "/mra/v1/outbound/sms/status").handler(messaging::smsStatus);
        router.post(BASE + "/deployments/notifications/:app/push").handler(push::push);

        router.get(BASE + "/_messages").handler(control::messages);
        router.delete(BASE + "/_messages").handler(control::reset);
        router.get(BASE + "/_faults").handler(control.faults()::get);
        router.post(BASE + "/_faults").handler(control.faults()::change);
        Log.infof("OpenText Notifications simulator is listening under %s", BASE);
    }
}
