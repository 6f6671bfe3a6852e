package io.herald.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations in the SLA file: short forms, their combinations, and ISO-8601. */
class DurationTextTest {

    @Test
    void shortFormsCountSecondsMinutesHoursAndDaysOf24Hours() {
        assertThat(DurationText.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationText.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(DurationText.parse("4h")).isEqualTo(Duration.ofHours(4));
        assertThat(DurationText.parse("2d")).isEqualTo(Duration.ofHours(48));
        assertThat(DurationText.parse("0m")).isZero();
    }

    @Test
    void shortFormsCombineFromDaysDownToSeconds() {
        assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("1d2h3m4s")).isEqualTo(Duration.parse("P1DT2H3M4S"));
    }

    @Test
    void isoDurationsAreAcceptedToo() {
        assertThat(DurationText.parse("PT4H")).isEqualTo(Duration.ofHours(4));
        assertThat(DurationText.parse("P2D")).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void anythingElseIsRefusedWithTheFormsThatWork() {
        for (String text : new String[] {"", "4", "4 h", "30m1h", "1.5h", "4H", "PT", "P1Y", "h"}) {
            assertThatThrownBy(() -> DurationText.parse(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a duration");
        }
    }

    @Test
    void formatWritesTheShortForm() {
        assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(DurationText.format(Duration.parse("P1DT4H"))).isEqualTo("1d4h");
        assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0m");
    }
}
