package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.Decision;
import io.herald.domain.EntityRef;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.store.StoreException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A task write interrupted between its statements, as by a crash, leaves the assignee rows incomplete but never
 * wrong, and repeating the call completes them.
 */
class AssigneeRowsRepairTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
    private static final Task OPEN = new Task("t-1", "/crm", "evt-1", "r", "title", new EntityRef("s4", "po", "1"),
            List.of("approve"), List.of("u-1", "u-2"), TaskStatus.OPEN, null, T0, T0, 0);

    private TestDatabases.H2 database;
    private JdbcTaskStore store;

    @BeforeEach
    void open() throws SQLException {
        database = TestDatabases.newH2();
        store = new JdbcTaskStore(database.dataSource(), new ObjectMapper());
    }

    @AfterEach
    void close() throws SQLException {
        database.close();
    }

    @Test
    void insertInterruptedAfterTheTaskRowIsCompletedByRepeatingIt() {
        assertThatThrownBy(() -> interruptedAfter(1).insertTask(OPEN)).isInstanceOf(StoreException.class);
        assertThat(store.findTask("t-1")).contains(OPEN);
        assertThat(store.tasksOfAssignee("u-1", TaskStatus.OPEN, 10)).isEmpty();

        assertThat(store.insertTask(OPEN)).isFalse();

        assertThat(store.tasksOfAssignee("u-1", TaskStatus.OPEN, 10)).containsExactly(OPEN);
        assertThat(store.tasksOfAssignee("u-2", TaskStatus.OPEN, 10)).containsExactly(OPEN);
    }

    @Test
    void decisionInterruptedAfterTheTaskRowIsNeverListedAsOpen() {
        store.insertTask(OPEN);
        Task answered = OPEN.decided(new Decision("approve", "u-1", null, T0, "tok-1"), T0.plusSeconds(1));

        // The task row, then u-1's row: u-2's row still copies the open task.
        assertThatThrownBy(() -> interruptedAfter(2).updateTask(answered)).isInstanceOf(StoreException.class);

        Task stored = store.findTask("t-1").orElseThrow();
        assertThat(stored.status()).isEqualTo(TaskStatus.ANSWERED);
        assertThat(store.tasksOfAssignee("u-1", TaskStatus.ANSWERED, 10)).containsExactly(stored);
        assertThat(store.tasksOfAssignee("u-2", TaskStatus.OPEN, 10)).isEmpty();
        assertThat(store.tasksOfAssignee("u-2", TaskStatus.ANSWERED, 10)).isEmpty();

        // Refused, as the version moved on, but it completes the rows.
        assertThat(store.updateTask(answered)).isEmpty();

        assertThat(store.tasksOfAssignee("u-2", TaskStatus.ANSWERED, 10)).containsExactly(stored);
    }

    @Test
    void reassignmentInterruptedAfterTheTaskRowHidesTheTaskFromWhoeverLostIt() {
        store.insertTask(OPEN);
        Task reassigned = new Task("t-1", "/crm", "evt-1", "r", "title", OPEN.entity(), OPEN.actions(),
                List.of("u-2", "u-3"), TaskStatus.OPEN, null, T0, T0.plusSeconds(1), 0);

        assertThatThrownBy(() -> interruptedAfter(1).updateTask(reassigned)).isInstanceOf(StoreException.class);

        assertThat(store.tasksOfAssignee("u-1", TaskStatus.OPEN, 10)).isEmpty();

        assertThat(store.updateTask(reassigned)).isEmpty();

        Task stored = store.findTask("t-1").orElseThrow();
        assertThat(store.tasksOfAssignee("u-1", TaskStatus.OPEN, 10)).isEmpty();
        assertThat(store.tasksOfAssignee("u-2", TaskStatus.OPEN, 10)).containsExactly(stored);
        assertThat(store.tasksOfAssignee("u-3", TaskStatus.OPEN, 10)).containsExactly(stored);
    }

    @Test
    void writerLateWithAnOlderCopyCannotUndoANewerOne() {
        store.insertTask(OPEN);
        Task answered = store.updateTask(OPEN.decided(new Decision("approve", "u-1", null, T0, "tok-1"),
                T0.plusSeconds(1))).orElseThrow();

        new AssigneeRows(new StatementRunner(database.dataSource())).follow("late", OPEN);

        assertThat(store.tasksOfAssignee("u-1", TaskStatus.ANSWERED, 10)).containsExactly(answered);
        assertThat(store.tasksOfAssignee("u-2", TaskStatus.ANSWERED, 10)).containsExactly(answered);
        assertThat(store.tasksOfAssignee("u-1", TaskStatus.OPEN, 10)).isEmpty();
    }

    @Test
    void rowsOfAssigneesNoLongerOnTheTaskAreDeleted() throws SQLException {
        store.insertTask(OPEN);
        Task reassigned = new Task("t-1", "/crm", "evt-1", "r", "title", OPEN.entity(), OPEN.actions(),
                List.of("u-3"), TaskStatus.OPEN, null, T0, T0.plusSeconds(1), 0);

        store.updateTask(reassigned);

        // Invisible to tasksOfAssignee either way, but left behind they would pile up in its index ranges.
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT user_id FROM task_assignees")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("u-3");
            assertThat(rows.next()).isFalse();
        }
    }

    /** The same store, on a database that goes away after handing out the given number of connections. */
    private JdbcTaskStore interruptedAfter(int connections) {
        DataSource target = database.dataSource();
        AtomicInteger left = new AtomicInteger(connections);
        DataSource dying = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && left.getAndDecrement() <= 0) {
                        throw new SQLException("database gone", "08006");
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new JdbcTaskStore(dying, new ObjectMapper());
    }
}
