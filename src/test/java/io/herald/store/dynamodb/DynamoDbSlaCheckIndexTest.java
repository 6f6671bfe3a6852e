package io.herald.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.domain.EntityRef;
import io.herald.domain.SlaClock;
import io.herald.domain.SlaClockState;
import io.herald.domain.SlaPolicy;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tasks' sparse SLA check index as DynamoDB holds it, beyond what the task store contract can see: which tasks
 * it holds under which key, spread over several partitions and read back from all of them as one index.
 */
class DynamoDbSlaCheckIndexTest {

    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    private DynamoDbTables tables;
    private DynamoDbTaskStore store;

    @BeforeEach
    void createTables() {
        tables = DYNALITE.createTaskTables();
        store = new DynamoDbTaskStore(DYNALITE.client(), tables, Duration.ofDays(90), Clock.systemUTC());
    }

    @AfterEach
    void dropTables() {
        DYNALITE.dropTables();
    }

    @Test
    void onlyTasksWithANextCheckAreInTheIndex() {
        store.insertTask(task("t-1", null));
        store.insertTask(task("t-2", clock(null)));
        store.insertTask(task("t-3", clock(T0.plusSeconds(60))));

        assertThat(index()).extracting(item -> item.get(TaskItems.ID).s()).containsExactly("t-3");
        assertThat(item("t-1")).doesNotContainKeys("sla", TaskItems.SLA_CHECK, TaskItems.SLA_CHECK_KEY);
        assertThat(item("t-2")).containsKey("sla").doesNotContainKeys(TaskItems.SLA_CHECK, TaskItems.SLA_CHECK_KEY);
    }

    @Test
    void theIndexKeyIsTheCheckTimeRoundedUpToTheMicrosecond() {
        store.insertTask(task("t-1", clock(T0.plusNanos(1))));
        store.insertTask(task("t-2", clock(T0)));

        assertThat(item("t-1").get(TaskItems.SLA_CHECK_KEY).s())
                .isEqualTo(Keys.timeOrdered(T0.plusNanos(1_000), "t-1"));
        assertThat(item("t-2").get(TaskItems.SLA_CHECK_KEY).s()).isEqualTo(Keys.timeOrdered(T0, "t-2"));
        assertThat(item("t-2").get(TaskItems.SLA_CHECK).s()).isEqualTo(IndexShards.of(TaskItems.SCHEDULED, "t-2"));
    }

    @Test
    void anUpdateWithoutANextCheckTakesTheTaskOutOfTheIndex() {
        Task scheduled = task("t-1", clock(T0.plusSeconds(60)));
        store.insertTask(scheduled);

        store.updateTask(scheduled.withSla(clock(null), scheduled.assignees(), T0.plusSeconds(1))).orElseThrow();

        assertThat(index()).isEmpty();
        assertThat(item("t-1")).doesNotContainKeys(TaskItems.SLA_CHECK, TaskItems.SLA_CHECK_KEY);
    }

    @Test
    void checksInEveryPartitionAreReadBackAsOneIndexEarliestFirstAndLimited() {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // due times out of id order, pairs due at the same instant so the id decides between them
            Task task = task("task-" + i, clock(T0.plusSeconds((i * 7L) % 40 / 2)));
            tasks.add(task);
            store.insertTask(task);
        }
        assertThat(new TreeSet<>(index().stream().map(item -> item.get(TaskItems.SLA_CHECK).s()).toList()))
                .as("partitions written to").hasSize(IndexShards.COUNT);

        List<Task> inIndexOrder = tasks.stream().sorted(Comparator.comparing((Task t) -> t.sla().nextCheckAt())
                .thenComparing(Task::id)).toList();
        Instant now = T0.plusSeconds(40);
        assertThat(store.dueSlaChecks(now, 40)).containsExactlyElementsOf(inIndexOrder);
        assertThat(store.dueSlaChecks(now, 7)).containsExactlyElementsOf(inIndexOrder.subList(0, 7));
        Instant halfway = T0.plusSeconds(10);
        assertThat(store.dueSlaChecks(halfway, 40)).containsExactlyElementsOf(inIndexOrder.stream()
                .filter(t -> !t.sla().nextCheckAt().isAfter(halfway)).toList());
    }

    @Test
    void aTaskKeepsItsPartitionWhenItsCheckMoves() {
        Task task = task("task-1", clock(T0.plusSeconds(60)));
        store.insertTask(task);

        store.updateTask(task.withSla(clock(T0.plusSeconds(600)), task.assignees(), T0.plusSeconds(1)))
                .orElseThrow();

        assertThat(item("task-1").get(TaskItems.SLA_CHECK).s())
                .isEqualTo(IndexShards.of(TaskItems.SCHEDULED, "task-1"));
        assertThat(store.dueSlaChecks(T0.plusSeconds(600), 10)).extracting(Task::id).containsExactly("task-1");
    }

    private Map<String, AttributeValue> item(String id) {
        return DYNALITE.client().getItem(b -> b.tableName(tables.tasks()).key(TaskItems.key(id)).consistentRead(true))
                .item();
    }

    private List<Map<String, AttributeValue>> index() {
        return DYNALITE.client().scan(b -> b.tableName(tables.tasks()).indexName(TaskItems.BY_SLA_CHECK)).items();
    }

    private static Task task(String id, SlaClock clock) {
        return new Task(id, "/xconnector/s4", "evt-" + id, "po-approval", "title",
                new EntityRef("s4-purchasing", "purchase-order", "4500012345"), List.of("approve"), List.of("u-1"),
                TaskStatus.OPEN, null, T0, T0, 0, clock);
    }

    private static SlaClock clock(Instant nextCheckAt) {
        SlaPolicy policy = new SlaPolicy("policy", 1, Duration.ofHours(8), null, List.of(), List.of(), List.of(),
                "template");
        return new SlaClock(policy, List.of("u-1"), Duration.ofHours(8), T0, SlaClockState.RUNNING, Duration.ZERO, T0,
                0, null, 0, null, T0.plusSeconds(28_800), nextCheckAt);
    }
}
