package io.herald.notifier.opentext;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.outbox.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2024-05-02T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void secondsAreTheDelay() {
        assertThat(RetryAfter.parse("7", clock)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void httpDateIsTheTimeUntilThatDate() {
        assertThat(RetryAfter.parse("Thu, 02 May 2024 10:00:30 GMT", clock)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void dateInThePastMeansNoWait() {
        assertThat(RetryAfter.parse("Thu, 02 May 2024 09:59:00 GMT", clock)).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"soon", "-5", "1.5", "99999999999999999999"})
    void absentOrUnreadableHeaderMeansNoRequestedWait(String header) {
        assertThat(RetryAfter.parse(header, clock)).isNull();
    }
}
