package io.herald.writeback;

import io.herald.domain.WriteBack;
import io.herald.notifier.SendFailure;
import io.herald.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.MDC;

/**
 * One delivery step for a stored write-back, through the {@link Outbox}, which claims it, retries it and gives it
 * up; what is particular to write-backs is here: signing, the call to xConnector, and the order per entity
 * ({@link WriteBackOutbox}). xConnector sees the write-back id as {@code Idempotency-Key}, so a resend after a
 * writer's death is applied once (a 409 then counts as delivered).
 */
@ApplicationScoped
public class WriteBackWriter {

    private final WriteBackSigner signer;
    private final XConnectorClient client;
    private final WriteBackOutbox writeBacks;
    private final Outbox<WriteBack> outbox;

    WriteBackWriter(WriteBackSigner signer, XConnectorClient client, WriteBackOutbox writeBacks, Clock clock) {
        this.signer = signer;
        this.client = client;
        this.writeBacks = writeBacks;
        this.outbox = new Outbox<>(writeBacks, clock);
    }

    /**
     * Sends the write-back if it is due, nobody else holds it and no older write-back of its entity is open;
     * otherwise arranges to be woken again when that may have changed. A write-back given up whose alert is still
     * owed (its writer died in between) has the alert raised instead.
     */
    public void deliver(String writeBackId) {
        outbox.deliver(writeBackId, this::send);
    }

    private void send(WriteBack claimed) throws SendFailure {
        MDC.put("eventId", claimed.eventId());
        writeBacks.applied(claimed, client.post(signer.sign(claimed)));
    }
}
