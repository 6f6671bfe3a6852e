package io.herald.writeback;

import io.herald.domain.WriteBack;
import io.herald.notifier.SendFailure;
import io.herald.store.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One delivery step for a stored write-back. Safe to call any number of times for the same id, concurrently too:
 * the write-back is claimed before it is sent, so one writer sends it; the claim is a lease, so a writer that dies
 * mid-call does not strand it; and xConnector sees the write-back id as {@code Idempotency-Key}, so a resend after
 * such a death is applied once (a 409 then counts as delivered).
 */
@ApplicationScoped
public class WriteBackWriter {

    private static final Logger LOG = Logger.getLogger(WriteBackWriter.class);

    private final TaskStore store;
    private final WriteBackClaims claims;
    private final WriteBackSigner signer;
    private final XConnectorClient client;
    private final WriteBackOutcomes outcomes;
    private final WriteBackAlerts alerts;

    WriteBackWriter(TaskStore store, WriteBackClaims claims, WriteBackSigner signer, XConnectorClient client,
            WriteBackOutcomes outcomes, WriteBackAlerts alerts) {
        this.store = store;
        this.alerts = alerts;
        this.claims = claims;
        this.signer = signer;
        this.client = client;
        this.outcomes = outcomes;
    }

    /**
     * Sends the write-back if it is due, nobody else holds it and no older write-back of its entity is open;
     * otherwise arranges to be woken again when that may have changed. A write-back given up whose alert is still
     * owed (its writer died in between) has the alert raised instead.
     */
    public void deliver(String writeBackId) {
        Optional<WriteBack> found = store.findWriteBack(writeBackId);
        if (found.isPresent() && found.get().owesAlert()) {
            alerts.raiseOwed(found.get());
            return;
        }
        Optional<WriteBack> claimed = found.flatMap(claims::claim);
        if (claimed.isEmpty()) {
            return;
        }
        WriteBack writeBack = claimed.get();
        MDC.put("eventId", writeBack.eventId());
        try {
            outcomes.applied(writeBack, client.post(signer.sign(writeBack)));
        } catch (SendFailure failure) {
            outcomes.failed(writeBack, failure);
        } catch (RuntimeException e) {
            // A fault of Herald's own counts as a failed attempt, with backoff and the same give-up time, rather
            // than leaving the write-back leased and failing on every redrive.
            LOG.errorf(e, "sending write-back %s failed", writeBack.id());
            outcomes.failed(writeBack, new SendFailure(true, 0, null, "INTERNAL_ERROR "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
    }
}
