package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.domain.EntityRef;
import io.herald.domain.SlaClock;
import io.herald.domain.SlaClockState;
import io.herald.domain.SlaPolicy;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaCheckIndexTest {

    private static final Instant MICRO = Instant.parse("2026-03-01T10:15:30.123456Z");

    @Test
    void aFinerPartRoundsUpToTheNextMicrosecond() {
        assertThat(SlaCheckIndex.roundedUp(MICRO.plusNanos(1))).isEqualTo(MICRO.plusNanos(1_000));
        assertThat(SlaCheckIndex.roundedUp(MICRO.plusNanos(999))).isEqualTo(MICRO.plusNanos(1_000));
        assertThat(SlaCheckIndex.roundedUp(Instant.parse("1969-12-31T23:59:59.999999001Z"))).isEqualTo(Instant.EPOCH);
    }

    @Test
    void aWholeMicrosecondStays() {
        assertThat(SlaCheckIndex.roundedUp(MICRO)).isEqualTo(MICRO);
        assertThat(SlaCheckIndex.roundedUp(null)).isNull();
    }

    @Test
    void aTaskIsIndexedOnlyWithANextCheck() {
        assertThat(SlaCheckIndex.of(task(null))).isNull();
        assertThat(SlaCheckIndex.of(task(clock(null)))).isNull();
        assertThat(SlaCheckIndex.of(task(clock(MICRO.plusNanos(1))))).isEqualTo(MICRO.plusNanos(1_000));
    }

    private static Task task(SlaClock clock) {
        return new Task("t-1", "/s4", "evt-1", "rule", "title", new EntityRef("s4", "po", "1"), List.of(),
                List.of(), TaskStatus.OPEN, null, MICRO, MICRO, 0, clock);
    }

    private static SlaClock clock(Instant nextCheckAt) {
        return new SlaClock(new SlaPolicy("p", 1, Duration.ofHours(1), null, List.of(), List.of(), List.of(), "t"),
                List.of(), Duration.ofHours(1), MICRO, SlaClockState.RUNNING, Duration.ZERO, MICRO, 0, null, 0, null,
                MICRO.plusSeconds(3600), nextCheckAt);
    }
}
