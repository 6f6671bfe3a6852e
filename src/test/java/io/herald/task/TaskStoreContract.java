package io.herald.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.domain.Channel;
import io.herald.domain.Decision;
import io.herald.domain.EntityRef;
import io.herald.domain.SlaCalendar;
import io.herald.domain.SlaClock;
import io.herald.domain.SlaClockState;
import io.herald.domain.SlaPolicy;
import io.herald.domain.SlaTier;
import io.herald.domain.SlaWarning;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import io.herald.store.LimitValues;
import io.herald.store.StoreLimits;
import io.herald.store.OpenTasksCursor;
import io.herald.store.TaskStore;
import io.herald.store.TaskStore.OpenTasksPage;
import io.herald.support.Race;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TaskStore} promises, one test per promise. An implementation's test extends this class and
 * hands out an empty store for each test.
 */
public abstract class TaskStoreContract {

    /** Microsecond precision: what every store keeps. */
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final int THREADS = 8;
    private static final EntityRef PO = new EntityRef("s4-purchasing", "purchase-order", "4500012345");
    private static final String SOURCE = "/xconnector/s4";

    protected TaskStore store;

    /** A store holding nothing, not shared with any other test. */
    protected abstract TaskStore emptyStore() throws Exception;

    @BeforeEach
    void startEmpty() throws Exception {
        store = emptyStore();
    }

    // ---- tasks -------------------------------------------------------------------------------------------

    @Test
    void insertedTaskIsReadBackUnchanged() {
        Task task = task("t-1", "evt-1", PO, List.of("u-1", "u-2"), T0);

        assertThat(store.insertTask(task)).isTrue();

        assertThat(store.findTask("t-1")).contains(task);
    }

    @Test
    void taskWithoutOptionalFieldsIsReadBackUnchanged() {
        Task task = new Task("t-1", SOURCE, "evt-1", null, null, PO, List.of(), List.of(), TaskStatus.OPEN, null, T0,
                T0, 0);

        store.insertTask(task);

        assertThat(store.findTask("t-1")).contains(task);
    }

    @Test
    void answeredTaskIsReadBackUnchanged() {
        Decision programmatic = new Decision("reject", "system:timeout", null, T0.plusSeconds(5), null);
        Task answered = task("t-1", "evt-1", PO, List.of("u-1"), T0).decided(programmatic, T0.plusSeconds(5));

        store.insertTask(answered);

        assertThat(store.findTask("t-1")).contains(answered);
    }

    @Test
    void duplicateTaskIsNotStoredTwice() {
        Task first = task("t-1", "evt-1", PO, List.of("u-1"), T0);
        Task again = new Task("t-1", "/other", "evt-2", "other-rule", "other", new EntityRef("crm", "account", "7"),
                List.of("ok"), List.of("u-2"), TaskStatus.ANSWERED, decision("u-2", T0), T0.plusSeconds(1),
                T0.plusSeconds(1), 3);
        store.insertTask(first);

        assertThat(store.insertTask(again)).isFalse();

        assertThat(store.findTask("t-1")).contains(first);
        assertThat(store.tasksOfAssignee("u-1", TaskStatus.OPEN, 10)).containsExactly(first);
        assertThat(store.tasksOfAssignee("u-2", TaskStatus.OPEN, 10)).isEmpty();
        assertThat(store.tasksOfAssignee("u-2", TaskStatus.ANSWERED, 10)).isEmpty();
        assertThat(store.tasksOfEvent("/other", "evt-2")).isEmpty();
    }

    @Test
    void concurrentInsertsOfOneTaskStoreItOnce() throws Exception {
        Task task = task("t-1", "evt-1", PO, List.of("u-1", "u-2"), T0);

        List<Boolean> stored = Race.run(THREADS, i -> store.insertTask(task));

        assertThat(stored).containsOnlyOnce(true).hasSize(THREADS);
        assertThat(store.findTask("t-1")).contains(task);
        assertThat(store.tasksOfAssignee("u-2", TaskStatus.OPEN, 10)).containsExactly(task);
    }

    @Test
    void missingTaskIsNotFound() {
        store.insertTask(task("t-1", "evt-1", PO, List.of("u-1"), T0));

        assertThat(store.findTask("t-2")).isEmpty();
    }

    @Test
    void decisionIsStoredUnderTheNextVersion() {
        Task open = task("t-1", "evt-1", PO, List.of("u-1"), T0);
        store.insertTask(open);
        Decision decision = decision("u-1", T0.plusSeconds(60));

        Optional<Task> stored = store.updateTask(open.decided(decision, T0.plusSeconds(60)));

        assertThat(stored).isPresent();
        assertThat(stored.get().version()).isEqualTo(open.version() + 1);
        assertThat(stored.get().status()).isEqualTo(TaskStatus.ANSWERED);
        assertThat(stored.get().decision()).isEqualTo(decision);
        assertThat(store.findTask("t-1")).isEqualTo(stored);
    }

    @Test
    void taskUpdateReturnsExactlyWhatIsStored() {
        Task open = task("t-1", "evt-1", PO, List.of("u-1"), T0);
        store.insertTask(open);
        Instant withNanos = Instant.parse("2026-03-01T10:16:00.000000999Z");

        Task stored = store.updateTask(open.decided(decision("u-1", withNanos), withNanos)).orElseThrow();

        assertThat(stored.updatedAt()).isEqualTo(Instant.parse("2026-03-01T10:16:00Z"));
        assertThat(stored.decision().at()).isEqualTo(Instant.parse("2026-03-01T10:16:00Z"));
        assertThat(store.findTask("t-1")).contains(stored);
    }

    @Test
    void staleVersionUpdateIsRefused() {
        Task open = task("t-1", "evt-1", PO, List.of("u-1", "u-2"), T0);
        store.insertTask(open);
        Task winner = store.updateTask(open.decided(decision("u-1", T0.plusSeconds(1)), T0.plusSeconds(1)))
                .orElseThrow();

        Optional<Task> late = store.updateTask(open.decided(decision("u-2", T0.plusSeconds(2)), T0.plusSeconds(2)));

        assertThat(late).isEmpty();
        assertThat(store.findTask("t-1")).contains(winner);
    }

    @Test
    void updateOfAMissingTaskIsRefused() {
        Task never = task("t-1", "evt-1", PO, List.of("u-1"), T0);

        assertThat(store.updateTask(never.decided(decision("u-1", T0), T0))).isEmpty();

        assertThat(store.findTask("t-1")).isEmpty();
        assertThat(store.tasksOfAssignee("u-1", TaskStatus.ANSWERED, 10)).isEmpty();
    }

    @Test
    void concurrentDecisionsLetExactlyOneWin() throws Exception {
        List<String> assignees = List.of("u-0", "u-1", "u-2", "u-3", "u-4", "u-5", "u-6", "u-7");
        Task open = task("t-1", "evt-1", PO, assignees, T0);
        store.insertTask(open);

        List<Optional<Task>> outcomes = Race.run(THREADS, i -> store.updateTask(
                open.decided(decision("u-" + i, T0.plusSeconds(i)), T0.plusSeconds(i))));

        List<Task> winners = outcomes.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        Task winner = winners.get(0);
        assertThat(winner.version()).isEqualTo(open.version() + 1);
        assertThat(store.findTask("t-1")).contains(winner);
        for (String user : assignees) {
            assertThat(store.tasksOfAssignee(user, TaskStatus.ANSWERED, 10)).as(user).containsExactly(winner);
            assertThat(store.tasksOfAssignee(user, TaskStatus.OPEN, 10)).as(user).isEmpty();
        }
    }

    @Test
    void tasksOfAssigneeFollowDecisions() {
        Task open = task("t-1", "evt-1", PO, List.of("u-1", "u-2"), T0);
        store.insertTask(open);
        assertThat(store.tasksOfAssignee("u-2", TaskStatus.OPEN, 10)).containsExactly(open);
        assertThat(store.tasksOfAssignee("u-2", TaskStatus.ANSWERED, 10)).isEmpty();

        Task answered = store.updateTask(open.decided(decision("u-1", T0.plusSeconds(1)), T0.plusSeconds(1)))
                .orElseThrow();

        for (String user : List.of("u-1", "u-2")) {
            assertThat(store.tasksOfAssignee(user, TaskStatus.OPEN, 10)).as(user).isEmpty();
            assertThat(store.tasksOfAssignee(user, TaskStatus.ANSWERED, 10)).as(user).containsExactly(answered);
        }
    }

    @Test
    void tasksOfAssigneeFollowReassignment() {
        Task open = task("t-1", "evt-1", PO, List.of("u-1", "u-2"), T0);
        store.insertTask(open);

        Task reassigned = store.updateTask(withAssignees(open, List.of("u-2", "u-3"))).orElseThrow();

        assertThat(store.tasksOfAssignee("u-1", TaskStatus.OPEN, 10)).isEmpty();
        assertThat(store.tasksOfAssignee("u-2", TaskStatus.OPEN, 10)).containsExactly(reassigned);
        assertThat(store.tasksOfAssignee("u-3", TaskStatus.OPEN, 10)).containsExactly(reassigned);

        Task back = store.updateTask(withAssignees(reassigned, List.of("u-1"))).orElseThrow();

        assertThat(store.tasksOfAssignee("u-1", TaskStatus.OPEN, 10)).containsExactly(back);
        assertThat(store.tasksOfAssignee("u-2", TaskStatus.OPEN, 10)).isEmpty();
        assertThat(store.tasksOfAssignee("u-3", TaskStatus.OPEN, 10)).isEmpty();
    }

    @Test
    void tasksOfAssigneeAreNewestFirst() {
        Task middle = task("t-1", "evt-1", PO, List.of("u-1"), T0.plusSeconds(1));
        Task newest = task("t-2", "evt-2", PO, List.of("u-2", "u-1"), T0.plusSeconds(2));
        Task oldest = task("t-3", "evt-3", PO, List.of("u-1"), T0);
        for (Task task : List.of(middle, newest, oldest)) {
            store.insertTask(task);
        }

        assertThat(store.tasksOfAssignee("u-1", TaskStatus.OPEN, 10)).containsExactly(newest, middle, oldest);
    }

    @Test
    void tasksOfAssigneeStopAtTheLimit() {
        for (int i = 0; i < 5; i++) {
            store.insertTask(task("t-" + i, "evt-" + i, PO, List.of("u-1"), T0.plusSeconds(i)));
        }

        assertThat(store.tasksOfAssignee("u-1", TaskStatus.OPEN, 2)).extracting(Task::id)
                .containsExactly("t-4", "t-3");
    }

    @Test
    void tasksOfAssigneeHoldOnlyTheirUserAndStatus() {
        Task own = task("t-1", "evt-1", PO, List.of("u-1"), T0);
        store.insertTask(own);
        store.insertTask(task("t-2", "evt-2", PO, List.of("u-10"), T0));
        store.insertTask(task("t-3", "evt-3", PO, List.of("u-2"), T0));
        store.insertTask(task("t-4", "evt-4", PO, List.of("u-1"), T0)
                .decided(decision("u-1", T0), T0.plusSeconds(1)));

        assertThat(store.tasksOfAssignee("u-1", TaskStatus.OPEN, 10)).containsExactly(own);
        assertThat(store.tasksOfAssignee("u-9", TaskStatus.OPEN, 10)).isEmpty();
    }

    @Test
    void taskAssignedTwiceToOneUserIsListedOnce() {
        Task task = task("t-1", "evt-1", PO, List.of("u-1", "u-2", "u-1"), T0);

        store.insertTask(task);

        assertThat(store.tasksOfAssignee("u-1", TaskStatus.OPEN, 10)).containsExactly(task);
        assertThat(store.findTask("t-1")).contains(task);
    }

    @Test
    void tasksOfEntityAreNewestFirst() {
        Task middle = task("t-1", "evt-1", PO, List.of("u-1"), T0.plusSeconds(1));
        Task newest = task("t-2", "evt-2", PO, List.of("u-1"), T0.plusSeconds(2));
        Task oldest = task("t-3", "evt-3", PO, List.of("u-1"), T0);
        for (Task task : List.of(middle, newest, oldest)) {
            store.insertTask(task);
        }
        // Each differs from PO in one part only.
        store.insertTask(task("t-4", "evt-4", new EntityRef("s4-sales", PO.type(), PO.id()), List.of("u-1"), T0));
        store.insertTask(task("t-5", "evt-5", new EntityRef(PO.system(), "invoice", PO.id()), List.of("u-1"), T0));
        store.insertTask(task("t-6", "evt-6", new EntityRef(PO.system(), PO.type(), "4500012346"), List.of(), T0));

        assertThat(store.tasksOfEntity(PO.key(), 10)).containsExactly(newest, middle, oldest);
        assertThat(store.tasksOfEntity(new EntityRef("crm", "account", "7").key(), 10)).isEmpty();
    }

    @Test
    void tasksOfEntityStopAtTheLimit() {
        for (int i = 0; i < 5; i++) {
            store.insertTask(task("t-" + i, "evt-" + i, PO, List.of("u-1"), T0.plusSeconds(i)));
        }

        assertThat(store.tasksOfEntity(PO.key(), 3)).extracting(Task::id).containsExactly("t-4", "t-3", "t-2");
    }

    @Test
    void openTasksAreNewestFirstAndAnsweredOnesAreLeftOut() {
        Task middle = task("t-1", "evt-1", PO, List.of("u-1"), T0.plusSeconds(1));
        Task newest = task("t-2", "evt-2", new EntityRef("crm", "case", "CS-7"), List.of("u-2"), T0.plusSeconds(2));
        Task oldest = task("t-3", "evt-3", PO, List.of(), T0);
        Task answered = task("t-4", "evt-4", PO, List.of("u-1"), T0.plusSeconds(3));
        for (Task task : List.of(middle, newest, oldest, answered)) {
            store.insertTask(task);
        }
        Task decided = store.updateTask(answered.decided(decision("u-1", T0.plusSeconds(4)), T0.plusSeconds(4)))
                .orElseThrow();

        OpenTasksPage page = store.openTasks(null, 10);

        assertThat(page.tasks()).containsExactly(newest, middle, oldest);
        assertThat(page.next()).as("nothing follows").isNull();
        assertThat(store.findTask(decided.id())).contains(decided);
    }

    @Test
    void openTasksComePageByPageEachOnceInOrderAlsoWithinOneMicrosecond() {
        List<Task> expected = new java.util.ArrayList<>();
        // three at one microsecond (ties go by id, highest first), then one per second
        for (String id : List.of("t-a", "t-b", "t-c")) {
            expected.add(task(id, "evt-" + id, PO, List.of("u-1"), T0));
        }
        for (int i = 1; i <= 4; i++) {
            expected.add(task("t-" + i, "evt-" + i, PO, List.of("u-1"), T0.plusSeconds(i)));
        }
        expected.forEach(store::insertTask);
        store.insertTask(task("t-x", "evt-x", PO, List.of("u-1"), T0.plusSeconds(2))
                .decided(decision("u-1", T0.plusSeconds(3)), T0.plusSeconds(3)));

        OpenTasksPage first = store.openTasks(null, 3);
        OpenTasksPage second = store.openTasks(first.next(), 3);
        OpenTasksPage last = store.openTasks(second.next(), 3);

        assertThat(first.tasks()).extracting(Task::id).containsExactly("t-4", "t-3", "t-2");
        assertThat(second.tasks()).extracting(Task::id).containsExactly("t-1", "t-c", "t-b");
        assertThat(last.tasks()).extracting(Task::id).containsExactly("t-a");
        assertThat(last.next()).isNull();
        assertThat(first.next()).isEqualTo(OpenTasksCursor.after(first.tasks().get(2)));
    }

    @Test
    void aPageThatEndsWithTheLastOpenTaskSaysNothingFollows() {
        for (int i = 0; i < 4; i++) {
            store.insertTask(task("t-" + i, "evt-" + i, PO, List.of("u-1"), T0.plusSeconds(i)));
        }

        OpenTasksPage first = store.openTasks(null, 2);
        OpenTasksPage second = store.openTasks(first.next(), 2);

        assertThat(first.next()).isNotNull();
        assertThat(second.tasks()).extracting(Task::id).containsExactly("t-1", "t-0");
        assertThat(second.next()).as("exactly the limit left: no empty page after it").isNull();
        assertThat(store.openTasks(null, 4).next()).isNull();
        assertThat(store.openTasks(OpenTasksCursor.after(second.tasks().get(1)), 2).tasks()).isEmpty();
    }

    @Test
    void aCursorTravelsAsTextThatEveryStoreReads() {
        Task task = task("t-ü/1", "evt-1", PO, List.of("u-1"), T0.plusSeconds(2));
        store.insertTask(task);
        store.insertTask(task("t-2", "evt-2", PO, List.of("u-1"), T0.plusSeconds(1)));

        OpenTasksCursor next = store.openTasks(null, 1).next();
        OpenTasksCursor travelled = OpenTasksCursor.parse(next.text());

        assertThat(travelled).isEqualTo(next);
        assertThat(store.openTasks(travelled, 1).tasks()).extracting(Task::id).containsExactly("t-2");
    }

    @Test
    void tasksOfEventAreOldestFirst() {
        Task newest = task("t-1", "evt-1", PO, List.of("u-1"), T0.plusSeconds(2));
        Task oldest = task("t-2", "evt-1", PO, List.of("u-1"), T0);
        Task middle = task("t-3", "evt-1", PO, List.of("u-1"), T0.plusSeconds(1));
        for (Task task : List.of(newest, oldest, middle)) {
            store.insertTask(task);
        }
        store.insertTask(task("t-4", "evt-2", PO, List.of("u-1"), T0));
        store.insertTask(new Task("t-5", "/other", "evt-1", "r", "t", PO, List.of(), List.of(), TaskStatus.OPEN, null,
                T0, T0, 0));

        assertThat(store.tasksOfEvent(SOURCE, "evt-1")).containsExactly(oldest, middle, newest);
        assertThat(store.tasksOfEvent(SOURCE, "evt-9")).isEmpty();
    }

    // ---- action links ------------------------------------------------------------------------------------

    @Test
    void tokenCanBeUsedOnce() {
        Decision first = new Decision("approve", "u-1", null, T0, "tok-1");
        Decision second = new Decision("reject", "u-2", "changed my mind", T0.plusSeconds(1), "tok-1");

        assertThat(store.recordTokenUse("tok-1", "t-1", first)).isTrue();
        assertThat(store.recordTokenUse("tok-1", "t-1", second)).isFalse();

        assertThat(store.tokenUse("tok-1")).contains(first);
    }

    @Test
    void unusedTokenHasNoUse() {
        store.recordTokenUse("tok-1", "t-1", decision("u-1", T0));

        assertThat(store.tokenUse("tok-2")).isEmpty();
    }

    @Test
    void tokenUseKeepsTheWholeDecision() {
        Decision decision = new Decision("approve", "u-1", "Größe passt – «ok» ✓", T0, "tok-1");

        store.recordTokenUse("tok-1", "t-1", decision);

        assertThat(store.tokenUse("tok-1")).contains(decision);
    }

    @Test
    void concurrentUsesOfOneTokenLetExactlyOneWin() throws Exception {
        List<Boolean> recorded = Race.run(THREADS,
                i -> store.recordTokenUse("tok-1", "t-1", decision("u-" + i, T0.plusSeconds(i))));

        assertThat(recorded).containsOnlyOnce(true).hasSize(THREADS);
        int winner = recorded.indexOf(true);
        assertThat(store.tokenUse("tok-1")).contains(decision("u-" + winner, T0.plusSeconds(winner)));
    }

    // ---- write-backs -------------------------------------------------------------------------------------

    @Test
    void insertedWriteBackIsReadBackUnchanged() {
        WriteBack writeBack = writeBack("w-1", "t-1", PO, WriteBackStatus.PENDING, T0, T0);

        assertThat(store.insertWriteBack(writeBack)).isTrue();

        assertThat(store.findWriteBack("w-1")).contains(writeBack);
    }

    @Test
    void writeBackWithoutOptionalFieldsIsReadBackUnchanged() {
        WriteBack escalation = new WriteBack("w-1", null, SOURCE, "evt-1", PO, "breach", null, null, null, T0,
                WriteBackStatus.DEAD, 0, null, null, T0, T0, 0);

        store.insertWriteBack(escalation);

        assertThat(store.findWriteBack("w-1")).contains(escalation);
    }

    @Test
    void duplicateWriteBackIsNotStoredTwice() {
        WriteBack first = writeBack("w-1", "t-1", PO, WriteBackStatus.PENDING, T0, T0);
        WriteBack again = new WriteBack("w-1", "t-2", "/other", "evt-2", new EntityRef("crm", "account", "7"),
                "warning", "late", "herald", "other", T0.plusSeconds(1), WriteBackStatus.SENDING, 3,
                T0.plusSeconds(9), "HTTP 500", T0.plusSeconds(1), T0.plusSeconds(1), 5);
        store.insertWriteBack(first);

        assertThat(store.insertWriteBack(again)).isFalse();

        assertThat(store.findWriteBack("w-1")).contains(first);
        assertThat(store.openWriteBacksOf(again.entity().key(), 10)).isEmpty();
        assertThat(store.writeBacksOfTask("t-2")).isEmpty();
    }

    @Test
    void concurrentInsertsOfOneWriteBackStoreItOnce() throws Exception {
        WriteBack writeBack = writeBack("w-1", "t-1", PO, WriteBackStatus.PENDING, T0, T0);

        List<Boolean> stored = Race.run(THREADS, i -> store.insertWriteBack(writeBack));

        assertThat(stored).containsOnlyOnce(true).hasSize(THREADS);
        assertThat(store.findWriteBack("w-1")).contains(writeBack);
    }

    @Test
    void missingWriteBackIsNotFound() {
        store.insertWriteBack(writeBack("w-1", "t-1", PO, WriteBackStatus.PENDING, T0, T0));

        assertThat(store.findWriteBack("w-2")).isEmpty();
    }

    @Test
    void writeBackUpdateStoresTheNewStateUnderTheNextVersion() {
        WriteBack pending = writeBack("w-1", "t-1", PO, WriteBackStatus.PENDING, T0, T0);
        store.insertWriteBack(pending);
        Instant withNanos = Instant.parse("2026-03-01T10:16:00.000000999Z");

        WriteBack claimed = store.updateWriteBack(
                pending.with(WriteBackStatus.SENDING, 1, withNanos.plusSeconds(30), null, withNanos)).orElseThrow();
        WriteBack delivered = store.updateWriteBack(
                claimed.with(WriteBackStatus.DELIVERED, 1, null, null, T0.plusSeconds(61))).orElseThrow();

        assertThat(List.of(claimed.version(), delivered.version()))
                .containsExactly(pending.version() + 1, pending.version() + 2);
        assertThat(claimed.updatedAt()).isEqualTo(Instant.parse("2026-03-01T10:16:00Z"));
        assertThat(claimed.nextAttemptAt()).isEqualTo(Instant.parse("2026-03-01T10:16:30Z"));
        assertThat(delivered.status()).isEqualTo(WriteBackStatus.DELIVERED);
        assertThat(store.findWriteBack("w-1")).contains(delivered);
    }

    @Test
    void staleWriteBackUpdateIsRefused() {
        WriteBack pending = writeBack("w-1", "t-1", PO, WriteBackStatus.PENDING, T0, T0);
        store.insertWriteBack(pending);
        WriteBack winner = store.updateWriteBack(
                pending.with(WriteBackStatus.SENDING, 1, T0.plusSeconds(30), null, T0)).orElseThrow();

        Optional<WriteBack> late = store.updateWriteBack(
                pending.with(WriteBackStatus.DEAD, 0, null, "gave up", T0.plusSeconds(1)));

        assertThat(late).isEmpty();
        assertThat(store.findWriteBack("w-1")).contains(winner);
    }

    @Test
    void updateOfAMissingWriteBackIsRefused() {
        WriteBack never = writeBack("w-1", "t-1", PO, WriteBackStatus.PENDING, T0, T0);

        assertThat(store.updateWriteBack(never)).isEmpty();

        assertThat(store.findWriteBack("w-1")).isEmpty();
    }

    @Test
    void concurrentClaimsOfOneWriteBackLetExactlyOneWin() throws Exception {
        WriteBack pending = writeBack("w-1", "t-1", PO, WriteBackStatus.PENDING, T0, T0);
        store.insertWriteBack(pending);

        List<Optional<WriteBack>> outcomes = Race.run(THREADS, i -> store.updateWriteBack(
                pending.with(WriteBackStatus.SENDING, 1, T0.plusSeconds(30 + i), null, T0.plusSeconds(i))));

        List<WriteBack> winners = outcomes.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        assertThat(winners.get(0).version()).isEqualTo(pending.version() + 1);
        assertThat(store.findWriteBack("w-1")).contains(winners.get(0));
    }

    @Test
    void openWriteBacksOfAnEntityComeOldestFirst() {
        WriteBack first = writeBack("w-3", "t-1", PO, WriteBackStatus.SENDING, T0.plusSeconds(90), T0);
        // Created at the same instant as the first: the id decides.
        WriteBack second = writeBack("w-4", "t-1", PO, WriteBackStatus.PENDING, T0.plusSeconds(60), T0);
        WriteBack third = writeBack("w-1", "t-2", PO, WriteBackStatus.PENDING, T0, T0.plusSeconds(1));
        WriteBack fourth = writeBack("w-2", "t-2", PO, WriteBackStatus.SENDING, T0, T0.plusSeconds(2));
        for (WriteBack w : List.of(fourth, second, third, first)) {
            store.insertWriteBack(w);
        }

        assertThat(store.openWriteBacksOf(PO.key(), 10)).containsExactly(first, second, third, fourth);
    }

    @Test
    void deliveredWriteBacksAreNotOpen() {
        WriteBack open = writeBack("w-1", "t-1", PO, WriteBackStatus.PENDING, T0, T0.plusSeconds(3));
        store.insertWriteBack(open);
        store.insertWriteBack(writeBack("w-2", "t-1", PO, WriteBackStatus.DELIVERED, null, T0));
        store.insertWriteBack(writeBack("w-3", "t-1", PO, WriteBackStatus.DEAD, null, T0.plusSeconds(1)));
        WriteBack sending = writeBack("w-4", "t-1", PO, WriteBackStatus.SENDING, T0, T0.plusSeconds(2));
        store.insertWriteBack(sending);
        assertThat(store.openWriteBacksOf(PO.key(), 10)).containsExactly(sending, open);

        store.updateWriteBack(sending.with(WriteBackStatus.DELIVERED, 1, null, null, T0.plusSeconds(9)));

        assertThat(store.openWriteBacksOf(PO.key(), 10)).containsExactly(open);
    }

    @Test
    void openWriteBacksHoldOnlyTheirEntity() {
        WriteBack own = writeBack("w-1", "t-1", PO, WriteBackStatus.PENDING, T0, T0);
        store.insertWriteBack(own);
        store.insertWriteBack(writeBack("w-2", "t-2", new EntityRef("s4-sales", PO.type(), PO.id()),
                WriteBackStatus.PENDING, T0, T0));
        store.insertWriteBack(writeBack("w-3", "t-3", new EntityRef(PO.system(), PO.type(), "4500012346"),
                WriteBackStatus.SENDING, T0, T0));

        assertThat(store.openWriteBacksOf(PO.key(), 10)).containsExactly(own);
        assertThat(store.openWriteBacksOf(new EntityRef("crm", "account", "7").key(), 10)).isEmpty();
    }

    @Test
    void openWriteBacksStopAtTheLimit() {
        for (int i = 0; i < 6; i++) {
            // PENDING w-0..w-2 created at 0, 2, 4 s; SENDING w-3..w-5 at 1, 3, 5 s.
            WriteBackStatus status = i < 3 ? WriteBackStatus.PENDING : WriteBackStatus.SENDING;
            int createdSecond = i < 3 ? 2 * i : 2 * (i - 3) + 1;
            store.insertWriteBack(writeBack("w-" + i, "t-1", PO, status, T0, T0.plusSeconds(createdSecond)));
        }

        assertThat(store.openWriteBacksOf(PO.key(), 4)).extracting(WriteBack::id)
                .containsExactly("w-0", "w-3", "w-1", "w-4");
    }

    @Test
    void dueWriteBacksIncludePendingWhoseAttemptIsDue() {
        Instant now = T0.plusSeconds(60);
        WriteBack overdue = writeBack("w-1", "t-1", PO, WriteBackStatus.PENDING, now.minusSeconds(30), T0);
        WriteBack dueNow = writeBack("w-2", "t-1", PO, WriteBackStatus.PENDING, now, T0);
        store.insertWriteBack(overdue);
        store.insertWriteBack(dueNow);
        store.insertWriteBack(writeBack("w-3", "t-1", PO, WriteBackStatus.PENDING, now.plusNanos(1_000), T0));

        assertThat(store.dueWriteBacks(now, 10)).containsExactly(overdue, dueNow);
    }

    @Test
    void dueWriteBacksIncludeExpiredLeases() {
        Instant now = T0.plusSeconds(60);
        WriteBack expired = writeBack("w-1", "t-1", PO, WriteBackStatus.SENDING, now.minusSeconds(1), T0);
        WriteBack endsNow = writeBack("w-2", "t-1", PO, WriteBackStatus.SENDING, now, T0);
        store.insertWriteBack(expired);
        store.insertWriteBack(endsNow);
        store.insertWriteBack(writeBack("w-3", "t-1", PO, WriteBackStatus.SENDING, now.plusSeconds(29), T0));

        assertThat(store.dueWriteBacks(now, 10)).containsExactly(expired, endsNow);
    }

    @Test
    void deadWriteBacksAreDueWhileTheyOweTheirAlert() {
        Instant now = T0.plusSeconds(60);
        WriteBack sending = writeBack("w-1", "t-1", PO, WriteBackStatus.SENDING, T0, T0);
        store.insertWriteBack(sending);

        WriteBack dead = store.updateWriteBack(sending.dead("HTTP 400", "HTTP 400 unknown order", T0.plusSeconds(1)))
                .orElseThrow();

        assertThat(dead.alertOwed()).isEqualTo("HTTP 400");
        assertThat(store.findWriteBack("w-1")).contains(dead);
        assertThat(store.dueWriteBacks(now, 10)).containsExactly(dead);
        assertThat(store.openWriteBacksOf(PO.key(), 10)).as("dead is finished for its entity").isEmpty();

        store.updateWriteBack(dead.alerted(now)).orElseThrow();

        assertThat(store.dueWriteBacks(now, 10)).isEmpty();
        assertThat(store.findWriteBack("w-1").orElseThrow().status()).isEqualTo(WriteBackStatus.DEAD);
    }

    @Test
    void deadWriteBacksAreListedMostRecentlyChangedFirst() {
        WriteBack older = writeBack("w-1", "t-1", PO, WriteBackStatus.DEAD, null, T0);
        WriteBack newer = writeBack("w-2", "t-1", PO, WriteBackStatus.DEAD, T0, T0.plusSeconds(1));
        store.insertWriteBack(older);
        store.insertWriteBack(newer);
        int i = 3;
        for (WriteBackStatus status : WriteBackStatus.values()) {
            if (status != WriteBackStatus.DEAD) {
                store.insertWriteBack(writeBack("w-" + i++, "t-1", PO, status, T0, T0.plusSeconds(9)));
            }
        }

        assertThat(store.deadWriteBacks(10)).containsExactly(newer, older);
        assertThat(store.deadWriteBacks(1)).containsExactly(newer);
    }

    @Test
    void writeBackDeliveredAgainLeavesTheDeadList() {
        WriteBack dead = writeBack("w-1", "t-1", PO, WriteBackStatus.DEAD, null, T0);
        store.insertWriteBack(dead);

        store.updateWriteBack(dead.retryAt(T0.plusSeconds(5), "HTTP 400", T0.plusSeconds(5))).orElseThrow();

        assertThat(store.deadWriteBacks(10)).isEmpty();
    }

    @Test
    void dueWriteBacksLeaveOutEveryOtherStatus() {
        Instant now = T0.plusSeconds(60);
        int i = 0;
        for (WriteBackStatus status : WriteBackStatus.values()) {
            if (status != WriteBackStatus.PENDING && status != WriteBackStatus.SENDING) {
                // A dead write-back keeps a next attempt time only while it owes its alert.
                Instant next = status == WriteBackStatus.DEAD ? null : now.minusSeconds(1);
                store.insertWriteBack(writeBack("w-" + i++, "t-1", PO, status, next, T0));
            }
        }

        assertThat(i).isEqualTo(WriteBackStatus.values().length - 2);
        assertThat(store.dueWriteBacks(now, 10)).isEmpty();
    }

    @Test
    void dueWriteBacksAreOldestDueFirst() {
        Instant now = T0.plusSeconds(60);
        WriteBack first = writeBack("w-1", "t-1", PO, WriteBackStatus.SENDING, T0.plusSeconds(1), T0);
        WriteBack second = writeBack("w-2", "t-1", PO, WriteBackStatus.PENDING, T0.plusSeconds(2), T0);
        WriteBack third = writeBack("w-3", "t-1", PO, WriteBackStatus.SENDING, T0.plusSeconds(3), T0);
        WriteBack fourth = writeBack("w-4", "t-1", PO, WriteBackStatus.PENDING, T0.plusSeconds(4), T0);
        for (WriteBack w : List.of(fourth, second, third, first)) {
            store.insertWriteBack(w);
        }

        assertThat(store.dueWriteBacks(now, 10)).containsExactly(first, second, third, fourth);
    }

    @Test
    void dueWriteBacksStopAtTheLimit() {
        for (int i = 0; i < 6; i++) {
            WriteBackStatus status = i < 3 ? WriteBackStatus.PENDING : WriteBackStatus.SENDING;
            // PENDING w-0..w-2 due at 0, 2, 4 s; SENDING w-3..w-5 at 1, 3, 5 s.
            int dueSecond = i < 3 ? 2 * i : 2 * (i - 3) + 1;
            store.insertWriteBack(writeBack("w-" + i, "t-1", PO, status, T0.plusSeconds(dueSecond), T0));
        }

        assertThat(store.dueWriteBacks(T0.plusSeconds(60), 4)).extracting(WriteBack::id)
                .containsExactly("w-0", "w-3", "w-1", "w-4");
    }

    @Test
    void writeBacksOfATaskAreOldestFirst() {
        WriteBack newest = writeBack("w-1", "t-1", PO, WriteBackStatus.PENDING, T0, T0.plusSeconds(2));
        WriteBack oldest = writeBack("w-2", "t-1", PO, WriteBackStatus.DELIVERED, null, T0);
        WriteBack middle = writeBack("w-3", "t-1", PO, WriteBackStatus.DEAD, null, T0.plusSeconds(1));
        for (WriteBack w : List.of(newest, oldest, middle)) {
            store.insertWriteBack(w);
        }
        store.insertWriteBack(writeBack("w-4", "t-2", PO, WriteBackStatus.PENDING, T0, T0));

        assertThat(store.writeBacksOfTask("t-1")).containsExactly(oldest, middle, newest);
        assertThat(store.writeBacksOfTask("t-9")).isEmpty();
    }

    // ---- SLA clocks ---------------------------------------------------------------------------------------

    @Test
    void slaClockIsStoredWithItsTask() {
        // Every instant and duration of the clock has a finer part than the microseconds the stores index.
        SlaClock clock = new SlaClock(policy(), List.of("u-1", "u-2"), Duration.ofHours(8).plusNanos(1),
                T0.minusNanos(1), SlaClockState.RUNNING, Duration.ofMinutes(42).plusNanos(7), T0.plusNanos(789), 3, 3,
                1, T0.plusNanos(999), T0.plusSeconds(28_800).plusNanos(5), T0.plusSeconds(60).plusNanos(321));
        Task task = withClock(task("t-1", "evt-1", PO, List.of("u-1", "u-2"), T0), clock);

        assertThat(store.insertTask(task)).isTrue();

        assertThat(store.findTask("t-1")).contains(task);
        assertThat(store.tasksOfAssignee("u-2", TaskStatus.OPEN, 10)).containsExactly(task);
        assertThat(store.tasksOfEntity(PO.key(), 10)).containsExactly(task);
        assertThat(store.tasksOfEvent(SOURCE, "evt-1")).containsExactly(task);
        assertThat(store.dueSlaChecks(T0.plusSeconds(61), 10)).containsExactly(task);
    }

    @Test
    void slaClockUpdatesWithTheTask() {
        Task plain = task("t-1", "evt-1", PO, List.of("u-1"), T0);
        store.insertTask(plain);
        SlaClock started = clock(T0.plusSeconds(60).plusNanos(1));
        SlaClock paused = new SlaClock(started.policy(), started.owners(), started.target(), started.startedAt(),
                SlaClockState.PAUSED, Duration.ofMinutes(3).plusNanos(3), null, 1, null, 0, null, null, null);

        Task running = store.updateTask(plain.withSla(started, List.of("u-1", "u-2"), T0.plusSeconds(1)))
                .orElseThrow();
        assertThat(running.sla()).isEqualTo(started);
        assertThat(store.findTask("t-1")).contains(running);

        Task waiting = store.updateTask(running.withSla(paused, running.assignees(), T0.plusSeconds(2)))
                .orElseThrow();
        assertThat(waiting.sla()).isEqualTo(paused);
        assertThat(store.findTask("t-1")).contains(waiting);

        Task withoutClock = store.updateTask(waiting.withSla(null, waiting.assignees(), T0.plusSeconds(3)))
                .orElseThrow();
        assertThat(withoutClock.sla()).isNull();
        assertThat(store.findTask("t-1")).contains(withoutClock);
    }

    @Test
    void dueSlaChecksListsOnlyTasksWithACheckDue() {
        Instant now = T0.plusSeconds(60);
        Task overdue = slaTask("t-1", now.minusSeconds(30));
        Task dueNow = slaTask("t-2", now);
        store.insertTask(overdue);
        store.insertTask(dueNow);
        store.insertTask(task("t-3", "evt-3", PO, List.of("u-1"), T0));
        store.insertTask(slaTask("t-4", null));
        store.insertTask(slaTask("t-5", now.plusSeconds(1)));

        assertThat(store.dueSlaChecks(now, 10)).containsExactly(overdue, dueNow);
    }

    @Test
    void dueSlaChecksCompareToTheNanosecond() {
        Instant wholeMicro = T0.plusSeconds(60);
        Task atWholeMicro = slaTask("t-1", wholeMicro);
        store.insertTask(atWholeMicro);
        Task afterWholeMicro = slaTask("t-2", wholeMicro.plusNanos(500));
        store.insertTask(afterWholeMicro);
        assertThat(store.dueSlaChecks(wholeMicro, 10)).containsExactly(atWholeMicro);

        Instant withNanos = T0.plusSeconds(120).plusNanos(250);
        Task justBefore = slaTask("t-3", withNanos.minusNanos(1));
        Task exactly = slaTask("t-4", withNanos);
        store.insertTask(justBefore);
        store.insertTask(exactly);
        store.insertTask(slaTask("t-5", withNanos.plusNanos(1)));
        store.insertTask(slaTask("t-6", withNanos.plusNanos(750)));
        assertThat(store.dueSlaChecks(withNanos, 10))
                .containsExactly(atWholeMicro, afterWholeMicro, justBefore, exactly);
    }

    @Test
    void dueSlaChecksAreEarliestFirstAndLimited() {
        Instant now = T0.plusSeconds(60);
        Task second = slaTask("t-2", T0.plusSeconds(2));
        Task first = slaTask("t-5", T0.plusSeconds(1));
        // Due at the same instant as the second: the id decides.
        Task third = slaTask("t-3", T0.plusSeconds(2));
        Task fourth = slaTask("t-1", T0.plusSeconds(3));
        for (Task task : List.of(fourth, second, third, first)) {
            store.insertTask(task);
        }

        assertThat(store.dueSlaChecks(now, 10)).containsExactly(first, second, third, fourth);
        assertThat(store.dueSlaChecks(now, 3)).containsExactly(first, second, third);
        assertThat(store.dueSlaChecks(now, 1)).containsExactly(first);
    }

    @Test
    void dueSlaChecksFillTheLimitWhenItEndsWithinNowsMicrosecond() {
        Instant now = T0.plusSeconds(60).plusNanos(100);
        Task overdue = slaTask("t-1", now.minusSeconds(1));
        // Both in the microsecond after now's whole one, where the id orders them: t-2 is not due yet, t-3 is.
        store.insertTask(slaTask("t-2", now.plusNanos(400)));
        Task dueNow = slaTask("t-3", now);
        store.insertTask(overdue);
        store.insertTask(dueNow);

        assertThat(store.dueSlaChecks(now, 2)).containsExactly(overdue, dueNow);
    }

    @Test
    void clearingTheNextCheckTakesATaskOutOfTheDueChecks() {
        Instant now = T0.plusSeconds(60);
        Task due = slaTask("t-1", now.minusSeconds(1));
        Task alsoDue = slaTask("t-2", now.minusSeconds(1));
        store.insertTask(due);
        store.insertTask(alsoDue);

        Task cleared = store.updateTask(withClock(due, withNextCheck(due.sla(), null))).orElseThrow();
        store.updateTask(alsoDue.withSla(null, alsoDue.assignees(), now)).orElseThrow();

        assertThat(store.dueSlaChecks(now, 10)).isEmpty();
        assertThat(store.findTask("t-1")).contains(cleared);

        Task later = store.updateTask(withClock(cleared, withNextCheck(cleared.sla(), now.plusSeconds(60))))
                .orElseThrow();
        assertThat(store.dueSlaChecks(now, 10)).isEmpty();
        assertThat(store.dueSlaChecks(now.plusSeconds(60), 10)).containsExactly(later);
    }

    @Test
    void answeredTaskLeavesTheDueChecks() {
        Instant now = T0.plusSeconds(60);
        Task open = slaTask("t-1", now.minusSeconds(1));
        store.insertTask(open);

        Task answered = store.updateTask(open.decided(decision("u-1", now), now)).orElseThrow();

        assertThat(answered.sla().state()).isEqualTo(SlaClockState.STOPPED);
        assertThat(answered.sla().nextCheckAt()).isNull();
        assertThat(store.dueSlaChecks(now, 10)).isEmpty();
        assertThat(store.findTask("t-1")).contains(answered);
    }

    @Test
    void answeredTaskStaysDueWhileACheckpointIsFiring() {
        Instant now = T0.plusSeconds(60);
        SlaClock firing = new SlaClock(policy(), List.of("u-1"), Duration.ofHours(8), T0, SlaClockState.RUNNING,
                Duration.ZERO, T0, 2, 2, 0, now.minusSeconds(5), T0.plusSeconds(28_800), now.minusSeconds(5));
        Task open = withClock(task("t-1", "evt-1", PO, List.of("u-1"), T0), firing);
        store.insertTask(open);

        Task answered = store.updateTask(open.decided(decision("u-1", now), now)).orElseThrow();

        assertThat(answered.sla().state()).isEqualTo(SlaClockState.STOPPED);
        assertThat(store.dueSlaChecks(now, 10)).containsExactly(answered);
    }

    // ---- both --------------------------------------------------------------------------------------------

    @Test
    void instantsAreTruncatedToMicroseconds() {
        Instant withNanos = Instant.parse("2026-03-01T10:15:30.123456999Z");
        Instant micros = Instant.parse("2026-03-01T10:15:30.123456Z");
        Task task = task("t-1", "evt-1", PO, List.of("u-1"), withNanos).decided(decision("u-1", withNanos), withNanos);
        WriteBack writeBack = writeBack("w-1", "t-1", PO, WriteBackStatus.PENDING, withNanos, withNanos);

        store.insertTask(task);
        store.insertWriteBack(writeBack);
        store.recordTokenUse("tok-1", "t-1", decision("u-1", withNanos));

        Task storedTask = store.findTask("t-1").orElseThrow();
        assertThat(List.of(storedTask.createdAt(), storedTask.updatedAt(), storedTask.decision().at()))
                .containsOnly(micros);
        WriteBack storedWriteBack = store.findWriteBack("w-1").orElseThrow();
        assertThat(List.of(storedWriteBack.nextAttemptAt(), storedWriteBack.createdAt(), storedWriteBack.updatedAt()))
                .containsOnly(micros);
        assertThat(storedWriteBack.occurredAt()).isEqualTo(micros.minusSeconds(1));
        assertThat(store.tokenUse("tok-1").orElseThrow().at()).isEqualTo(micros);
    }

    // ---- fixtures ----------------------------------------------------------------------------------------

    // ---- limits -----------------------------------------------------------------------------------------

    @Test
    void taskAndWriteBackAtTheLimitsAreFoundByTheirEntity() {
        EntityRef entity = new EntityRef(LimitValues.widest(StoreLimits.ENTITY_SYSTEM),
                LimitValues.widest(StoreLimits.ENTITY_TYPE), LimitValues.widest(StoreLimits.ENTITY_ID));
        Task task = new Task("t-1", LimitValues.widest(StoreLimits.EVENT_SOURCE, "/"),
                LimitValues.widest(StoreLimits.EVENT_ID), "po-approval", LimitValues.widest(StoreLimits.TASK_TITLE),
                entity, List.of("approve"), List.of(LimitValues.widest(StoreLimits.RECIPIENT)), TaskStatus.OPEN, null,
                T0, T0, 0);
        WriteBack writeBack = writeBack("w-1", "t-1", entity, WriteBackStatus.PENDING, T0, T0);

        assertThat(store.insertTask(task)).isTrue();
        assertThat(store.insertWriteBack(writeBack)).isTrue();

        assertThat(store.findTask("t-1")).contains(task);
        assertThat(store.tasksOfEntity(entity.key(), 10)).containsExactly(task);
        assertThat(store.tasksOfEvent(task.eventSource(), task.eventId())).containsExactly(task);
        assertThat(store.tasksOfAssignee(task.assignees().get(0), TaskStatus.OPEN, 10)).containsExactly(task);
        assertThat(store.openWriteBacksOf(entity.key(), 10)).containsExactly(writeBack);
    }

    private static Task task(String id, String eventId, EntityRef entity, List<String> assignees, Instant createdAt) {
        return new Task(id, SOURCE, eventId, "po-approval", "Bestellung 4500012345 freigeben – «Größe» ✓", entity,
                List.of("approve", "reject"), assignees, TaskStatus.OPEN, null, createdAt, createdAt, 0);
    }

    private static Task withAssignees(Task t, List<String> assignees) {
        return new Task(t.id(), t.eventSource(), t.eventId(), t.rule(), t.title(), t.entity(), t.actions(), assignees,
                t.status(), t.decision(), t.createdAt(), t.updatedAt(), t.version());
    }

    /** An open task whose running clock next wants a check at {@code nextCheckAt} (null: none). */
    private static Task slaTask(String id, Instant nextCheckAt) {
        return withClock(task(id, "evt-" + id, PO, List.of("u-1"), T0), clock(nextCheckAt));
    }

    private static SlaClock clock(Instant nextCheckAt) {
        return new SlaClock(policy(), List.of("u-1"), Duration.ofHours(8), T0, SlaClockState.RUNNING, Duration.ZERO,
                T0, 0, null, 0, null, T0.plusSeconds(28_800), nextCheckAt);
    }

    /** A policy with every part set: business hours with holidays, both kinds of warning, repeating tiers. */
    private static SlaPolicy policy() {
        SlaCalendar calendar = new SlaCalendar("de-office", "Europe/Berlin",
                List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY),
                LocalTime.of(8, 0), LocalTime.of(17, 30), List.of(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 12, 25)));
        return new SlaPolicy("po-approval", 3, Duration.ofHours(8), calendar,
                List.of(new SlaWarning(50, null), new SlaWarning(null, Duration.ofMinutes(30))),
                List.of(new SlaTier(1, Duration.ZERO, List.of("assignees", "managers"), Duration.ofHours(4), 2),
                        new SlaTier(2, Duration.ofDays(1), List.of("user:u-9", "team:purchasing"), null, 0)),
                List.of(Channel.EMAIL, Channel.INAPP), "sla-«reminder» ✓");
    }

    private static Task withClock(Task t, SlaClock clock) {
        return new Task(t.id(), t.eventSource(), t.eventId(), t.rule(), t.title(), t.entity(), t.actions(),
                t.assignees(), t.status(), t.decision(), t.createdAt(), t.updatedAt(), t.version(), clock);
    }

    private static SlaClock withNextCheck(SlaClock c, Instant nextCheckAt) {
        return new SlaClock(c.policy(), c.owners(), c.target(), c.startedAt(), c.state(), c.accrued(),
                c.runningSince(), c.fired(), c.firing(), c.skipped(), c.firingAt(), c.dueAt(), nextCheckAt);
    }

    private static Decision decision(String actor, Instant at) {
        return new Decision("approve", actor, "passt so ☕", at, "tok-" + actor);
    }

    private static WriteBack writeBack(String id, String taskId, EntityRef entity, WriteBackStatus status,
            Instant nextAttemptAt, Instant createdAt) {
        return new WriteBack(id, taskId, SOURCE, "evt-1", entity, "response", "approve", "u-1", "passt so ☕",
                createdAt.minusSeconds(1), status, 2, nextAttemptAt, "HTTP 503", createdAt, createdAt, 4);
    }
}
