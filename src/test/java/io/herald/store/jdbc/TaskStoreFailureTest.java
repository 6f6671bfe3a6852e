package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.EntityRef;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.store.StoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** How the JDBC task store reports what it cannot do. */
class TaskStoreFailureTest {

    /** Stands for personal data in a value the database refuses. */
    private static final String PERSONAL = "anna.muster@example.com";

    @Test
    void refusedValueIsNotRevealedByH2() throws Exception {
        try (TestDatabases.H2 h2 = TestDatabases.newH2()) {
            assertRefusedWithoutRevealing(h2.dataSource());
        }
    }

    @Test
    void refusedValueIsNotRevealedByPostgresql() {
        assertRefusedWithoutRevealing(TestDatabases.emptyPostgresTaskTables());
    }

    @Test
    void limitBelowOneIsRefused() throws Exception {
        try (TestDatabases.H2 h2 = TestDatabases.newH2()) {
            JdbcTaskStore store = new JdbcTaskStore(h2.dataSource(), new ObjectMapper());

            assertThatThrownBy(() -> store.tasksOfAssignee("u-1", TaskStatus.OPEN, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.tasksOfEntity("k", -1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.openWriteBacksOf("k", 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.dueWriteBacks(Instant.EPOCH, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.dueSlaChecks(Instant.EPOCH, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void taskWithANullAssigneeIsRefusedBeforeAnythingIsWritten() throws Exception {
        try (TestDatabases.H2 h2 = TestDatabases.newH2()) {
            JdbcTaskStore store = new JdbcTaskStore(h2.dataSource(), new ObjectMapper());
            Task task = task("t-1", PERSONAL, Arrays.asList("u-1", null));

            assertThatThrownBy(() -> store.insertTask(task)).isInstanceOf(IllegalArgumentException.class);

            assertThat(store.findTask("t-1")).isEmpty();
            assertThat(store.tasksOfAssignee("u-1", TaskStatus.OPEN, 10)).isEmpty();
        }
    }

    private static void assertRefusedWithoutRevealing(DataSource dataSource) {
        JdbcTaskStore store = new JdbcTaskStore(dataSource, new ObjectMapper());
        // Longer than the id column allows.
        Task task = task(PERSONAL.repeat(20), PERSONAL, List.of(PERSONAL));

        StoreException failure = catchThrowableOfType(StoreException.class, () -> store.insertTask(task));

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("insertTask");
        StringWriter everything = new StringWriter();
        failure.printStackTrace(new PrintWriter(everything));
        assertThat(everything.toString()).doesNotContain(PERSONAL);
    }

    private static Task task(String id, String title, List<String> assignees) {
        return new Task(id, "/crm", "evt-1", "r", title, new EntityRef("s4", "po", PERSONAL), List.of("ok"),
                assignees, TaskStatus.OPEN, null, Instant.EPOCH, Instant.EPOCH, 0);
    }
}
