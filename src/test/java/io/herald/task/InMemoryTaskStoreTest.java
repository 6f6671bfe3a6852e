package io.herald.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.domain.EntityRef;
import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The test double keeps the port's promises that the write-back function relies on. */
class InMemoryTaskStoreTest {

    private static final EntityRef ORDER = new EntityRef("s4", "purchase-order", "PO-1");
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private final InMemoryTaskStore store = new InMemoryTaskStore();

    @Test
    void insertLeavesAnExistingWriteBackUntouched() {
        assertThat(store.insertWriteBack(writeBack("a", ORDER, T0))).isTrue();
        assertThat(store.insertWriteBack(writeBack("a", ORDER, T0.plusSeconds(5)))).isFalse();
        assertThat(store.findWriteBack("a").orElseThrow().createdAt()).isEqualTo(T0);
    }

    @Test
    void updateSucceedsOnlyOnTheVersionReadAndCountsItUp() {
        store.insertWriteBack(writeBack("a", ORDER, T0));
        WriteBack read = store.findWriteBack("a").orElseThrow();

        WriteBack claimed = store.updateWriteBack(read.with(WriteBackStatus.SENDING, 1, T0, null, T0)).orElseThrow();

        assertThat(claimed.version()).isEqualTo(1);
        assertThat(store.updateWriteBack(read.with(WriteBackStatus.SENDING, 1, T0, null, T0))).isEmpty();
        assertThat(store.findWriteBack("a").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void openWriteBacksOfAnEntityAreOldestFirstWithoutFinishedOnes() {
        store.insertWriteBack(writeBack("late", ORDER, T0.plusSeconds(2)));
        store.insertWriteBack(writeBack("early", ORDER, T0));
        store.insertWriteBack(writeBack("done", ORDER, T0.minusSeconds(1)));
        store.insertWriteBack(writeBack("elsewhere", new EntityRef("s4", "purchase-order", "PO-2"), T0));
        WriteBack done = store.findWriteBack("done").orElseThrow();
        store.updateWriteBack(done.with(WriteBackStatus.DELIVERED, 1, null, null, T0));

        assertThat(store.openWriteBacksOf(ORDER.key(), 10)).extracting(WriteBack::id).containsExactly("early", "late");
        assertThat(store.openWriteBacksOf(ORDER.key(), 1)).extracting(WriteBack::id).containsExactly("early");
    }

    @Test
    void dueWriteBacksArePendingOnesDueAndSendingOnesWithAnEndedLease() {
        store.insertWriteBack(writeBack("due", ORDER, T0));
        store.insertWriteBack(writeBack("later", ORDER, T0.plusSeconds(60)));
        store.insertWriteBack(writeBack("leased", ORDER, T0));
        store.insertWriteBack(writeBack("abandoned", ORDER, T0));
        store.updateWriteBack(store.findWriteBack("leased").orElseThrow()
                .with(WriteBackStatus.SENDING, 1, T0.plusSeconds(120), null, T0));
        store.updateWriteBack(store.findWriteBack("abandoned").orElseThrow()
                .with(WriteBackStatus.SENDING, 1, T0.minusSeconds(1), null, T0));

        assertThat(store.dueWriteBacks(T0.plusSeconds(1), 10)).extracting(WriteBack::id)
                .containsExactly("abandoned", "due");
    }

    private static WriteBack writeBack(String id, EntityRef entity, Instant created) {
        return new WriteBack(id, "task-" + id, "/src", "event-" + id, entity, "response", "approve", "bob", null,
                created, WriteBackStatus.PENDING, 0, created, null, created, created, 0);
    }
}
