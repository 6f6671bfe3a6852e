package io.herald.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.store.StoreException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicrosTest {

    @Test
    void sortableTextSortsLikeTheNumber() {
        List<Long> ascending = List.of(Long.MIN_VALUE, -1_000_000L, -1L, 0L, 1L, 999L, 1_000L,
                1_772_360_130_123_456L, Long.MAX_VALUE);

        List<String> texts = ascending.stream().map(Micros::sortable).toList();

        assertThat(texts).isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
        assertThat(Micros.sortable(1_772_360_130_123_456L)).isEqualTo("0001772360130123456");
    }

    @Test
    void instantsBeforeTheEpochTruncateTowardsThePast() {
        Instant instant = Instant.parse("1969-12-31T23:59:59.999999999Z");

        assertThat(Micros.of(instant)).isEqualTo(-1L);
        assertThat(Micros.instant(-1L)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
    }

    @Test
    void instantsBeyondMicrosecondRangeAreRefused() {
        assertThatThrownBy(() -> Micros.of(Instant.MAX)).isInstanceOf(StoreException.class);
    }
}
