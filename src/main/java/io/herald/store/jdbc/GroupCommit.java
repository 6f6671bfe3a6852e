package io.herald.store.jdbc;

import io.herald.store.StoreException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Lets concurrent callers share one write: each call queues its item, and the first caller to find no write in
 * progress becomes the leader, takes everything queued so far (at most {@code maxBatch} items) and writes it in its
 * own thread, while the others wait for their batch's outcome. A lone caller finds nothing in progress and writes
 * at once, so light load pays no added latency; under load, the items that arrive while one batch is written form
 * the next. No thread of its own, no timer.
 *
 * <p>While callers come in a steady stream (their usual gap under half the gather window), a leader first waits
 * for company: until its batch is full, the stream pauses (no caller for twice the usual gap) or the window ends.
 * Each caller then waits at most the window longer, and one commit serves several times as many items: H2 writes
 * one chunk and PostgreSQL flushes its log once for them all, which costs less than the wait when the cores are
 * busy.
 *
 * <p>A call returns only once the write holding its item is over, with that item's own outcome. At most
 * {@code maxWaiting} items wait at a time: a caller beyond that waits for room before queueing.
 *
 * @param <T> what a caller asks to have written
 * @param <R> what a caller is answered
 */
final class GroupCommit<T, R> {

    /** Writes one batch; for one item's failure it gives that item a failure, the others their outcomes. */
    @FunctionalInterface
    interface Writer<T, R> {

        /** @return one outcome per item, in the order of {@code items} */
        List<Outcome<R>> write(List<T> items);
    }

    /** One item's outcome: its answer, or the failure its caller throws (an instance of its own). */
    record Outcome<R>(R value, RuntimeException failure) {

        static <R> Outcome<R> of(R value) {
            return new Outcome<>(value, null);
        }

        static <R> Outcome<R> failed(RuntimeException failure) {
            return new Outcome<>(null, failure);
        }

        R get() {
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    private final String operation;
    private final int maxBatch;
    private final int maxWaiting;
    private final long gatherNanos;
    private final LongSupplier nanoClock;
    private final Writer<T, R> writer;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    /** Signalled when a caller queues: a gathering leader counts its company. */
    private final Condition joined = lock.newCondition();
    private final ArrayDeque<Member<T, R>> waiting = new ArrayDeque<>();
    private boolean writing;
    /** Guarded by the lock: when the last caller queued, and the usual gap between callers (0: not known yet). */
    private long lastArrival;
    private long usualGap;

    /**
     * @param operation names the operation in the failure a caller gets when a write ends without outcomes
     * @param maxWaiting at least {@code maxBatch}
     * @param gather the longest a leader waits for company; zero never waits
     */
    GroupCommit(String operation, int maxBatch, int maxWaiting, Duration gather, Writer<T, R> writer) {
        this(operation, maxBatch, maxWaiting, gather, System::nanoTime, writer);
    }

    /** With the clock the gap between callers is measured by (tests give one of their own). */
    GroupCommit(String operation, int maxBatch, int maxWaiting, Duration gather, LongSupplier nanoClock,
            Writer<T, R> writer) {
        if (maxBatch < 1 || maxWaiting < maxBatch || gather.isNegative()) {
            throw new IllegalArgumentException("need 1 <= maxBatch <= maxWaiting and a gather window >= 0, not "
                    + maxBatch + ", " + maxWaiting + " and " + gather);
        }
        this.operation = operation;
        this.maxBatch = maxBatch;
        this.maxWaiting = maxWaiting;
        this.gatherNanos = gather.toNanos();
        this.nanoClock = nanoClock;
        this.writer = writer;
    }

    /**
     * Has {@code item} written, alone or with others queued at the same time.
     *
     * @return the item's answer once the write holding it is over
     * @throws RuntimeException the item's failure, thrown in the caller's thread
     */
    R submit(T item) {
        Member<T, R> member = new Member<>(item, lock.newCondition());
        lock.lock();
        try {
            while (waiting.size() >= maxWaiting) {
                room.awaitUninterruptibly();
            }
            noteArrival();
            waiting.addLast(member);
            joined.signal();
            while (member.outcome == null) {
                if (writing) {
                    // The write in progress cannot be abandoned, so neither can the wait for its outcome.
                    member.turn.awaitUninterruptibly();
                } else {
                    lead();
                }
            }
        } finally {
            lock.unlock();
        }
        return member.outcome.get();
    }

    /** Items queued and not yet taken into a write: what the next leader will take (tests watch it). */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** Called holding the lock: keeps the usual gap between callers as a moving average of the last few. */
    private void noteArrival() {
        long now = nanoClock.getAsLong();
        if (lastArrival != 0) {
            long gap = Math.max(1, now - lastArrival);
            usualGap = usualGap == 0 ? gap : (7 * usualGap + gap) / 8;
        }
        lastArrival = now;
    }

    /** Called holding the lock with nothing being written; returns holding it, with the batch's outcomes set. */
    private void lead() {
        writing = true;
        awaitCompany();
        List<Member<T, R>> batch = new ArrayList<>(Math.min(maxBatch, waiting.size()));
        while (batch.size() < maxBatch && !waiting.isEmpty()) {
            batch.add(waiting.removeFirst());
        }
        room.signalAll();
        List<Outcome<R>> outcomes = null;
        lock.unlock();
        try {
            outcomes = writer.write(batch.stream().map(m -> m.item).toList());
            if (outcomes.size() != batch.size()) {
                LOG.errorf("%s: %d outcomes for %d items", operation, outcomes.size(), batch.size());
                outcomes = null;
            }
        } catch (RuntimeException e) {
            // Not the exception itself: its message may hold a value of some item.
            LOG.errorf("%s: the batch write failed with %s", operation, e.getClass().getName());
        } finally {
            lock.lock();
            writing = false;
            for (int i = 0; i < batch.size(); i++) {
                Member<T, R> done = batch.get(i);
                // Without outcomes (the writer itself failed) nobody knows what was written: each caller fails, so
                // that its sender retries, which is safe because a repeated write is recognised as one.
                done.outcome = outcomes != null ? outcomes.get(i)
                        : Outcome.failed(new StoreException(operation + " failed: the batch write broke off"));
                done.turn.signal();
            }
            // The caller at the head of the queue leads the next batch.
            Member<T, R> next = waiting.peekFirst();
            if (next != null) {
                next.turn.signal();
            }
        }
    }

    /** Called holding the lock as the leader: while callers come in a steady stream, lets more of them queue. */
    private void awaitCompany() {
        if (usualGap == 0 || usualGap > gatherNanos / 2) {
            return;
        }
        long windowEnds = nanoClock.getAsLong() + gatherNanos;
        while (waiting.size() < maxBatch) {
            long left = Math.min(windowEnds, lastArrival + 2 * usualGap) - nanoClock.getAsLong();
            if (left <= 0) {
                return;
            }
            try {
                joined.awaitNanos(left);
            } catch (InterruptedException e) {
                // The leader stops gathering and writes what it has; its caller still waits for the outcome.
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static final class Member<T, R> {

        final T item;
        /** Signalled when the member's outcome is set or it may lead the next write. */
        final Condition turn;
        /** Guarded by the lock. */
        Outcome<R> outcome;

        Member(T item, Condition turn) {
            this.item = item;
            this.turn = turn;
        }
    }
}
