package io.herald.simulator.opentext;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Applies the {@link FaultPlan} in front of the OpenText routes; the control API is never affected. */
@ApplicationScoped
class FaultGate {

    private final FaultPlan plan;
    private final JsonReplies replies;

    @Inject
    FaultGate(FaultPlan plan, JsonReplies replies) {
        this.plan = plan;
        this.replies = replies;
    }

    /** Every OpenText call, the token endpoint included: an outage closes the connection, latency delays. */
    void connection(RoutingContext context) {
        if (plan.shared().isDown()) {
            context.request().connection().close();
            return;
        }
        long latencyMs = plan.shared().latencyMs();
        if (latencyMs > 0) {
            // A timer, not a sleep: the route runs on the event loop.
            context.vertx().setTimer(latencyMs, timer -> context.next());
        } else {
            context.next();
        }
    }

    /**
     * Submissions only: planned failures. Token fetches and status reads are left out so that a test's
     * {@code failNext} count is not used up by them.
     */
    void failures(RoutingContext context) {
        plan.shared().takeFailure().ifPresentOrElse(failure -> {
            if (failure.carriesRetryAfter()) {
                context.response().putHeader("Retry-After", Integer.toString(failure.retryAfterSeconds()));
            }
            replies.error(context, failure.status(), "simulated_failure",
                    "The simulator was told to fail this call with HTTP " + failure.status());
        }, context::next);
    }
}
