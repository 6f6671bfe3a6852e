package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.Decision;
import io.herald.domain.EntityRef;
import io.herald.domain.SlaClock;
import io.herald.domain.SlaClockState;
import io.herald.domain.SlaPolicy;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.domain.WriteBack;
import io.herald.domain.WriteBackStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every statement of the task store that looks rows up is served by the index meant for it, which also yields
 * the rows in the order asked for, so none slows down as the tables grow.
 *
 * <p>Unlike {@link QueryPlanTest} this names the index each statement must use: on empty tables PostgreSQL rates
 * every index alike and may scan a whole unrelated one, which "no Seq Scan" alone would let pass. The tables
 * therefore hold a few thousand rows while the plans are made.
 */
class TaskQueryPlanTest {

    /** A plan node that sorts rows (a Merge Append of sorted inputs merely names its "Sort Key"). */
    private static final Pattern SORT_NODE = Pattern.compile("\\bSort\\s+\\(cost=");

    /** Precedes the index's name where a plan node reads an index. */
    private static final String INDEX_USE = "(Index (Only )?Scan (Backward )?using|Bitmap Index Scan on) ";

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private static final int ROWS = 2000;
    private static final EntityRef ENTITY = entity(7);
    private static final Task TASK = task(7);
    private static final WriteBack WRITE_BACK = writeBack(7);

    private final TaskTable tasks = new TaskTable(new JsonColumns(new ObjectMapper()));

    @Test
    void everyQueryUsesItsIndexOnPostgresql() throws SQLException {
        TestDatabases.emptyPostgresTaskTables();
        try (Connection connection = TestDatabases.postgresConnection()) {
            // Rolled back at the end: the rows and the statistics gathered on them never reach other tests.
            connection.setAutoCommit(false);
            try {
                fill(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ANALYZE tasks, task_assignees, token_uses, write_backs");
                    // The planner then picks a sequential scan only when no index can serve the query.
                    statement.execute("SET LOCAL enable_seqscan = off");
                }
                plans(connection).forEach((query, plan) -> {
                    assertThat(plan.text()).as(query).doesNotContain("Seq Scan");
                    if (plan.limited()) {
                        // Sorting would read every match to return the first few.
                        assertThat(plan.text()).as(query).doesNotContainPattern(SORT_NODE);
                    }
                    for (String index : plan.indexes()) {
                        assertThat(plan.text()).as(query).containsPattern(INDEX_USE + index + " ");
                    }
                    assertThat(plan.text()).as(query)
                            .doesNotContainPattern(INDEX_USE + "(?!(" + String.join("|", plan.indexes()) + ") )");
                });
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void everyQueryUsesItsIndexOnH2() throws SQLException {
        try (TestDatabases.H2 h2 = TestDatabases.newH2(); Connection connection = h2.dataSource().getConnection()) {
            fill(connection);
            plans(connection).forEach((query, plan) -> {
                assertThat(plan.text()).as(query).doesNotContain("tableScan");
                if (plan.text().contains("ORDER BY")) {
                    assertThat(plan.text()).as(query).contains("/* index sorted */");
                }
                for (String index : plan.indexes()) {
                    // H2 names a primary key's index itself.
                    String named = index.endsWith("_pk") ? "public.PRIMARY_KEY_" : "public." + index + ":";
                    assertThat(plan.text()).as(query).contains("/* " + named);
                }
            });
        }
    }

    /**
     * @param limited whether the query returns at most a limit of its matches; one that returns them all may sort
     *     them, which PostgreSQL prefers when many match
     */
    private record Plan(String text, boolean limited, List<String> indexes) {
    }

    private Map<String, Plan> plans(Connection connection) throws SQLException {
        String entityKey = ENTITY.key();
        Map<String, Plan> plans = new LinkedHashMap<>();
        plans.put("findTask", new Plan(explain(connection, TaskTable.FIND, "t-7"), false, List.of("tasks_pk")));
        plans.put("updateTask", new Plan(explain(connection, TaskTable.UPDATE, s -> tasks.bindUpdate(s, TASK)),
                false, List.of("tasks_pk")));
        plans.put("tasksOfAssignee", new Plan(explain(connection, TaskAssigneeTable.TASKS_OF_USER, "u-7", "OPEN", 10),
                true, List.of("task_assignees_by_user", "tasks_pk")));
        plans.put("raiseAssigneeRow", new Plan(explain(connection, TaskAssigneeTable.RAISE,
                s -> TaskAssigneeTable.bindRaise(s, TASK, "u-7")), false, List.of("task_assignees_pk")));
        plans.put("deleteAssigneeRowsBelow", new Plan(explain(connection, TaskAssigneeTable.DELETE_BELOW,
                s -> TaskAssigneeTable.bindDeleteBelow(s, TASK)), false, List.of("task_assignees_pk")));
        plans.put("tasksOfEntity", new Plan(explain(connection, TaskTable.OF_ENTITY, entityKey, 10), true,
                List.of("tasks_by_entity")));
        plans.put("tasksOfEvent", new Plan(explain(connection, TaskTable.OF_EVENT, "/crm", "evt-7"), false,
                List.of("tasks_by_event")));
        plans.put("dueSlaChecks", new Plan(explain(connection, TaskTable.SLA_CHECKS_UP_TO, NOW, 10), true,
                List.of("tasks_sla_due")));
        plans.put("dueSlaChecksWithinAMicrosecond", new Plan(explain(connection, TaskTable.SLA_CHECKS_AT, NOW), false,
                List.of("tasks_sla_due")));
        plans.put("tokenUse", new Plan(explain(connection, TokenUseTable.FIND, "tok-7"), false,
                List.of("token_uses_pk")));
        plans.put("findWriteBack", new Plan(explain(connection, WriteBackTable.FIND, "w-7"), false,
                List.of("write_backs_pk")));
        plans.put("updateWriteBack", new Plan(explain(connection, WriteBackTable.UPDATE,
                s -> WriteBackTable.bindUpdate(s, WRITE_BACK)), false, List.of("write_backs_pk")));
        plans.put("openWriteBacksOf", new Plan(explain(connection, WriteBackTable.OF_ENTITY_IN_EITHER_STATUS,
                entityKey, "PENDING", 10, entityKey, "SENDING", 10, 10), true, List.of("write_backs_by_entity")));
        plans.put("dueWriteBacks", new Plan(explain(connection, WriteBackTable.DUE.sql(),
                NOW, 10, NOW, 10, NOW, 10, 10), true, List.of("write_backs_due")));
        plans.put("writeBacksOfTask", new Plan(explain(connection, WriteBackTable.OF_TASK, "t-7"), false,
                List.of("write_backs_by_task")));
        return plans;
    }

    /** Rows spread over many users, entities, events and tasks, with every status, as a live store holds. */
    private void fill(Connection connection) throws SQLException {
        try (PreparedStatement insertTask = connection.prepareStatement(TaskTable.INSERT);
                PreparedStatement insertAssignee = connection.prepareStatement(TaskAssigneeTable.INSERT);
                PreparedStatement insertTokenUse = connection.prepareStatement(TokenUseTable.INSERT);
                PreparedStatement insertWriteBack = connection.prepareStatement(WriteBackTable.INSERT)) {
            for (int i = 0; i < ROWS; i++) {
                Task task = task(i);
                tasks.bindInsert(insertTask, task);
                insertTask.addBatch();
                for (String user : task.assignees()) {
                    TaskAssigneeTable.bindInsert(insertAssignee, task, user);
                    insertAssignee.addBatch();
                }
                TokenUseTable.bindInsert(insertTokenUse, "tok-" + i, task.id(), task.decision());
                insertTokenUse.addBatch();
                WriteBackTable.bindInsert(insertWriteBack, writeBack(i));
                insertWriteBack.addBatch();
            }
            insertTask.executeBatch();
            insertAssignee.executeBatch();
            insertTokenUse.executeBatch();
            insertWriteBack.executeBatch();
        }
    }

    /**
     * Every fourth row has key 7, the one the plans look up, the others are spread over {@code keys} values: a key
     * matching far more rows than the limit shows whether the order comes from the index (with few matches,
     * sorting them all is as cheap, and PostgreSQL rightly does).
     */
    private static int key(int i, int keys) {
        return i % 4 == 0 ? 7 : i % keys;
    }

    private static EntityRef entity(int i) {
        return new EntityRef("s4", "purchase-order", "po-" + key(i, 200));
    }

    /**
     * Open tasks have an SLA clock whose next check is spread around {@code NOW}, every seventh none; answering
     * stops the clock, which then has no next check.
     */
    private static Task task(int i) {
        Instant nextCheck = i % 7 == 0 ? null : NOW.plusSeconds(i % 600 - 300);
        SlaClock clock = new SlaClock(new SlaPolicy("policy", 1, Duration.ofHours(8), null, List.of(), List.of(),
                List.of(), "template"), List.of("u-1"), Duration.ofHours(8), NOW, SlaClockState.RUNNING, Duration.ZERO,
                NOW, 0, null, 0, null, NOW.plusSeconds(28_800), nextCheck);
        Task open = new Task("t-" + i, "/crm", "evt-" + key(i, 500), "rule", "title", entity(i), List.of("ok"),
                List.of("u-" + key(i, 100), "u-" + (i + 1) % 100), TaskStatus.OPEN, null, NOW.plusSeconds(i),
                NOW.plusSeconds(i), 0, clock);
        return i % 3 == 0 ? open : open.decided(new Decision("ok", "u-1", null, NOW, "tok-" + i), NOW);
    }

    private static WriteBack writeBack(int i) {
        WriteBackStatus status = WriteBackStatus.values()[i % WriteBackStatus.values().length];
        return new WriteBack("w-" + i, "t-" + key(i, 700), "/crm", "evt-" + key(i, 500), entity(i), "response", "ok",
                "u-1", null, NOW, status, 1, NOW.plusSeconds(i % 600 - 300), null, NOW.plusSeconds(i), NOW, 0);
    }

    private static String explain(Connection connection, String sql, Object... parameters) throws SQLException {
        return explain(connection, sql, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof Instant instant) {
                    ColumnValues.setInstant(statement, i + 1, instant);
                } else if (parameter instanceof Integer number) {
                    statement.setInt(i + 1, number);
                } else {
                    statement.setString(i + 1, (String) parameter);
                }
            }
        });
    }

    private static String explain(Connection connection, String sql, StatementRunner.Parameters parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("EXPLAIN " + sql)) {
            parameters.bind(statement);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
