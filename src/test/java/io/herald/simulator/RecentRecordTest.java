package io.herald.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentRecordTest {

    private final List<Integer> forgotten = new ArrayList<>();

    @Test
    void keepsTheLastItemsOldestFirstAndTellsOfEachOnePushedOut() {
        RecentRecord<Integer> record = new RecentRecord<>(3, forgotten::add);

        for (int item = 1; item <= 5; item++) {
            record.add(item);
        }

        assertThat(record.list()).containsExactly(3, 4, 5);
        assertThat(record.stream()).containsExactly(3, 4, 5);
        assertThat(forgotten).containsExactly(1, 2);
    }

    @Test
    void clearingForgetsEverythingWithoutTellingOfEach() {
        RecentRecord<Integer> record = new RecentRecord<>(2, forgotten::add);
        record.add(1);
        record.add(2);

        record.clear();
        record.add(3);

        assertThat(record.list()).containsExactly(3);
        assertThat(forgotten).isEmpty();
    }

    @Test
    void limitBelowOneIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new RecentRecord<Integer>(0, forgotten::add))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("herald.simulators.record-limit must be at least 1, not 0");
    }
}
