package io.herald.outbox;

import io.herald.domain.Deliverable;
import java.time.Duration;
import java.util.Optional;

/**
 * What the {@link Outbox} needs from one kind of outgoing work: where it is stored, how it is woken, and what is
 * recorded when an attempt fails. Everything else about delivering it (claiming, backoff, giving up, the owed
 * alert) is the outbox's, the same for every kind.
 */
public interface OutboxKind<T extends Deliverable<T>> {

    /** The kind's name in log lines, such as {@code notification}. */
    String name();

    RetryPolicy policy();

    Optional<T> find(String id);

    /**
     * Stores a changed copy if the stored one still has the copy's version.
     *
     * @return the copy as stored, or empty when the stored one was changed meanwhile (nothing is written then)
     */
    Optional<T> update(T changed);

    /** Asks for a delivery step for the work no earlier than {@code delay} from now; never throws for a delay. */
    void wake(String id, Duration delay);

    /**
     * Whether due work may be taken now: a kind that keeps an order among its pieces of work (write-backs of one
     * entity) says no to all but the first and wakes the next one itself when the first is finished.
     */
    default boolean inTurn(T due) {
        return true;
    }

    /**
     * Raises the alert the work owes and records it raised. Called again for the same work, concurrently too, it
     * raises one alert; work that owes nothing is left alone.
     */
    void raiseOwed(T owing);

    /** Records a failed attempt that will be retried after {@code delay} (audit trail, metrics). */
    void retrying(T failed, String errorCode, Duration delay);

    /** Records work given up; its owed alert is raised next, by the outbox. */
    void gaveUp(T dead, String errorCode);
}
