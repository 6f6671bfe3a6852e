package io.herald.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How many notifications of one rule one person got on one channel in the current throttling period: what decides
 * whether the next one is sent or folded into the rule's digest.
 *
 * @param id derived from (rule, recipient, channel), see {@link GroupIds#throttle}
 * @param startedAt when the current period began (with the first notification after the previous one ended)
 * @param sent notifications sent in the current period
 * @param version optimistic-concurrency counter; every update must name the version it read
 */
public record ThrottleWindow(String id, Instant startedAt, long sent, long version) {

    /** The period the window counts is over at {@code at}. */
    public boolean endedBy(Instant at, Duration period) {
        return !at.isBefore(startedAt.plus(period));
    }

    /** One more notification sent in this period. */
    public ThrottleWindow sentOneMore() {
        return new ThrottleWindow(id, startedAt, sent + 1, version);
    }

    /** A new period beginning at {@code at} with one notification sent. */
    public ThrottleWindow restarted(Instant at) {
        return new ThrottleWindow(id, at, 1, version);
    }
}
