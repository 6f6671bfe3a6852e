package io.herald.routing;

import static io.herald.routing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.events.RoutableEvent;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A condition over a data number with a huge exponent, stored before intake refused such numbers, is decided at
 * once and as the clamped value says.
 */
class HugeNumberConditionTest {

    private static final Duration BOUND = Duration.ofMillis(100);

    @ParameterizedTest
    @CsvSource({"1e20000000, true", "1e100000000, true", "-1e-99999999, false", "1e-99999999, false",
            "-1e100000000, false"})
    void hugeExponentIsComparedWithoutRoundingItFirst(String number, boolean above) {
        Condition condition = Condition.compile("huge", "data.amount > 10000");
        condition.test(new RoutableEvent(event("some.type", "{\"amount\": 1}")));

        long start = System.nanoTime();
        boolean holds = condition.test(new RoutableEvent(event("some.type", "{\"amount\": " + number + "}")));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        assertThat(holds).isEqualTo(above);
    }
}
