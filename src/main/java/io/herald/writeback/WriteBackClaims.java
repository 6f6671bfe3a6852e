package io.herald.writeback;

import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import io.herald.store.TaskStore;
import io.herald.work.ClaimTiming;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a writer may send a write-back now, and if so takes it (a conditional update to SENDING with a
 * lease), so that of all writers woken for it exactly one sends it.
 *
 * <p>Order per entity is kept here, in the store, not by the queue: only the oldest open write-back of an entity
 * may be taken; a younger one is left PENDING and woken when the older one is delivered or given up. Messages may be
 * lost, repeated or reordered, and this still holds.
 */
@ApplicationScoped
class WriteBackClaims {

    private final TaskStore store;
    private final WriteBackQueue queue;
    private final WriteBackConfig config;
    private final Clock clock;

    WriteBackClaims(TaskStore store, WriteBackQueue queue, WriteBackConfig config, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.config = config;
        this.clock = clock;
    }

    /** @return the write-back as claimed (SENDING, attempts counted, leased), or empty when not to send now */
    Optional<WriteBack> claim(WriteBack writeBack) {
        Instant now = clock.instant();
        ClaimTiming.Decision timing = ClaimTiming.decide(writeBack.status() == WriteBackStatus.PENDING,
                writeBack.status() == WriteBackStatus.SENDING, writeBack.nextAttemptAt(), now);
        if (!timing.claimNow()) {
            // Someone may hold it; look again when it falls due or the lease ends, in case the holder died.
            timing.lookAgainIn().ifPresent(wait -> queue.wake(writeBack.id(), wait));
            return Optional.empty();
        }
        if (!oldestOpenOfItsEntity(writeBack)) {
            return Optional.empty();
        }
        return store.updateWriteBack(writeBack.with(WriteBackStatus.SENDING, writeBack.attempts() + 1,
                now.plus(config.lease()), writeBack.lastError(), now));
    }

    private boolean oldestOpenOfItsEntity(WriteBack writeBack) {
        List<WriteBack> oldest = store.openWriteBacksOf(writeBack.entity().key(), 1);
        return oldest.isEmpty() || oldest.get(0).id().equals(writeBack.id());
    }
}
