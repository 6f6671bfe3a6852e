package io.herald.simulator.xconnector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.signing.SignedRequest;
import io.herald.simulator.Faults;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code POST /sim/xconnector/writebacks}, answering as xConnector is expected to: planned faults first, then
 * 401 for a call that is not signed with the write-back secret, 400 for a body that breaks the contract, 409 for an
 * {@code Idempotency-Key} applied before (recorded once), 200 when applied now.
 */
@ApplicationScoped
class WriteBackReceiver {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final XConnectorFaults faults;
    private final WriteBackSignatures signatures;
    private final WriteBackLedger ledger;
    private final SimulatorReplies replies;
    private final ObjectMapper json;
    private final Clock clock;

    WriteBackReceiver(XConnectorFaults faults, WriteBackSignatures signatures, WriteBackLedger ledger,
            SimulatorReplies replies, ObjectMapper json, Clock clock) {
        this.faults = faults;
        this.signatures = signatures;
        this.ledger = ledger;
        this.replies = replies;
        this.json = json;
        this.clock = clock;
    }

    void receive(RoutingContext ctx) {
        String key = ctx.request().getHeader(IDEMPOTENCY_KEY);
        if (faults.shared().isDown()) {
            ledger.called(new WriteBackCall(clock.instant(), key, 0));
            ctx.request().connection().close();
            return;
        }
        long latencyMs = faults.shared().latencyMs();
        if (latencyMs > 0) {
            // A timer, not a sleep: the route runs on the event loop.
            ctx.vertx().setTimer(latencyMs, timer -> handle(ctx, key));
        } else {
            handle(ctx, key);
        }
    }

    private void handle(RoutingContext ctx, String key) {
        Optional<Faults.Failure> failure = faults.shared().takeFailure();
        if (failure.isPresent()) {
            if (failure.get().carriesRetryAfter()) {
                ctx.response().putHeader("Retry-After", Integer.toString(failure.get().retryAfterSeconds()));
            }
            refuse(ctx, key, failure.get().status(), "simulated_failure",
                    "The simulator was told to fail this call with HTTP " + failure.get().status(), List.of());
            return;
        }
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        Optional<String> unsigned = signatures.problem(ctx.request().getHeader(SignedRequest.TIMESTAMP),
                ctx.request().getHeader(SignedRequest.SIGNATURE), body);
        if (unsigned.isPresent()) {
            refuse(ctx, key, 401, "invalid_signature", unsigned.get(), List.of());
            return;
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(body);
        } catch (IOException e) {
            refuse(ctx, key, 400, "invalid_request", "the body is not JSON", List.of());
            return;
        }
        List<String> problems = WriteBackContract.problems(parsed, key);
        if (!problems.isEmpty()) {
            refuse(ctx, key, 400, "invalid_request", "the write-back breaks the contract", problems);
            return;
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ctx.request().headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
        boolean applied = ledger.applyOnce(key, new ReceivedWriteBack(clock.instant(), headers, parsed,
                new String(body, StandardCharsets.UTF_8)));
        int status = applied ? 200 : 409;
        ledger.called(new WriteBackCall(clock.instant(), key, status));
        replies.send(ctx, status, Map.of("id", key, "status", applied ? "applied" : "already_applied"));
    }

    private void refuse(RoutingContext ctx, String key, int status, String code, String message,
            List<String> details) {
        ledger.called(new WriteBackCall(clock.instant(), key, status));
        replies.error(ctx, status, code, message, details);
    }
}
