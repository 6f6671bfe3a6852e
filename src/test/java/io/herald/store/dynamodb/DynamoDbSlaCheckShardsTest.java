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
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SLA checks are written to every partition of the index, by task id, and read back from all of them as one
 * index: earliest first, then by id, cut at the limit, whichever partition each check is in.
 */
class DynamoDbSlaCheckShardsTest {

    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final int TASKS = 40;

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
    void checksInEveryPartitionAreReadBackAsOneIndexEarliestFirstAndLimited() {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            // due times out of id order, pairs due at the same instant so the id decides between them
            Task task = task("task-" + i, T0.plusSeconds((i * 7L) % TASKS / 2));
            tasks.add(task);
            store.insertTask(task);
        }
        Set<String> partitions = new TreeSet<>();
        DYNALITE.client().scan(b -> b.tableName(tables.tasks()).indexName(TaskItems.BY_SLA_CHECK)).items()
                .forEach(item -> partitions.add(item.get(TaskItems.SLA_CHECK).s()));
        assertThat(partitions).as("partitions the checks were written to").hasSize(SlaCheckShards.COUNT);

        List<Task> inIndexOrder = tasks.stream().sorted(Comparator.comparing((Task t) -> t.sla().nextCheckAt())
                .thenComparing(Task::id)).toList();
        Instant now = T0.plusSeconds(TASKS);
        assertThat(store.dueSlaChecks(now, TASKS)).containsExactlyElementsOf(inIndexOrder);
        assertThat(store.dueSlaChecks(now, 7)).containsExactlyElementsOf(inIndexOrder.subList(0, 7));
        Instant halfway = T0.plusSeconds(TASKS / 4);
        assertThat(store.dueSlaChecks(halfway, TASKS)).containsExactlyElementsOf(inIndexOrder.stream()
                .filter(t -> !t.sla().nextCheckAt().isAfter(halfway)).toList());
    }

    @Test
    void aTaskKeepsItsPartitionWhenItsCheckMoves() {
        Task task = task("task-1", T0.plusSeconds(60));
        store.insertTask(task);
        String partition = partitionOf("task-1");

        store.updateTask(task.withSla(clock(T0.plusSeconds(600)), task.assignees(), T0.plusSeconds(1)))
                .orElseThrow();

        assertThat(partitionOf("task-1")).isEqualTo(partition).isEqualTo(SlaCheckShards.of("task-1"));
        assertThat(store.dueSlaChecks(T0.plusSeconds(600), 10)).extracting(Task::id).containsExactly("task-1");
    }

    private String partitionOf(String id) {
        return DYNALITE.client().getItem(b -> b.tableName(tables.tasks()).key(TaskItems.key(id)).consistentRead(true))
                .item().get(TaskItems.SLA_CHECK).s();
    }

    private static Task task(String id, Instant nextCheckAt) {
        return new Task(id, "/xconnector/s4", "evt-" + id, "po-approval", "title",
                new EntityRef("s4-purchasing", "purchase-order", "4500012345"), List.of("approve"), List.of("u-1"),
                TaskStatus.OPEN, null, T0, T0, 0, clock(nextCheckAt));
    }

    private static SlaClock clock(Instant nextCheckAt) {
        SlaPolicy policy = new SlaPolicy("policy", 1, Duration.ofHours(8), null, List.of(), List.of(), List.of(),
                "template");
        return new SlaClock(policy, List.of("u-1"), Duration.ofHours(8), T0, SlaClockState.RUNNING, Duration.ZERO, T0,
                0, null, 0, null, T0.plusSeconds(28_800), nextCheckAt);
    }
}
