package io.herald.queue.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How many threads run the in-process queue's consumers. */
class InProcessQueueWorkersTest {

    @Test
    void unsetWorkersAreThirtyTwoPerCore() {
        assertThat(InProcessQueue.workers(Optional.empty(), 2)).isEqualTo(64);
        assertThat(InProcessQueue.workers(Optional.empty(), 8)).isEqualTo(256);
    }

    @Test
    void oneCoreGetsThirtyTwoWorkers() {
        assertThat(InProcessQueue.workers(Optional.empty(), 1)).isEqualTo(32);
    }

    @Test
    void configuredWorkersWinOverTheCoreCount() {
        assertThat(InProcessQueue.workers(Optional.of(3), 2)).isEqualTo(3);
        assertThat(InProcessQueue.workers(Optional.of(100), 2)).isEqualTo(100);
    }

    @Test
    void fewerThanOneWorkerIsRefused() {
        assertThatThrownBy(() -> InProcessQueue.workers(Optional.of(0), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("herald.queue.workers");
    }
}
