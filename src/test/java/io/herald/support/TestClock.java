package io.herald.support;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests that travel in time: it stands still at the instant a test sets and moves
 * only when the test advances it, so deadlines are reached without waiting and every time is exact. Until a test
 * sets it, and after {@link #reset}, it is the system clock. Enabled by {@link TestClockProfile}.
 */
@Alternative
@Singleton
public class TestClock extends Clock {

    private volatile Instant now;

    /** A clock standing at {@code start}, for tests without the application. */
    public static TestClock at(Instant start) {
        TestClock clock = new TestClock();
        clock.set(start);
        return clock;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = instant().plus(duration);
    }

    public void reset() {
        now = null;
    }

    @Override
    public Instant instant() {
        Instant frozen = now;
        return frozen == null ? Instant.now() : frozen;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
