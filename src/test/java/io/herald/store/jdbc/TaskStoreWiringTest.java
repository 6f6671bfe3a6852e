package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.domain.EntityRef;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.store.TaskStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The application's TaskStore bean works on the H2 datasource that Flyway migrated at start-up. */
@QuarkusTest
class TaskStoreWiringTest {

    @Inject
    TaskStore store;

    @Inject
    DataSource h2;

    @Test
    void applicationTaskStoreKeepsTasksInTheH2Database() throws Exception {
        // The test database outlives a run, so ids must be new each time.
        String id = UUID.randomUUID().toString();
        String user = "wiring-" + id;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Task task = new Task(id, "/wiring-test", id, "r", "title", new EntityRef("s4", "po", id), List.of("ok"),
                List.of(user), TaskStatus.OPEN, null, now, now, 0);

        assertThat(store.insertTask(task)).isTrue();

        assertThat(store.findTask(id)).contains(task);
        assertThat(store.tasksOfAssignee(user, TaskStatus.OPEN, 10)).containsExactly(task);
        try (Connection connection = h2.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT title FROM tasks WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("task stored in H2").isTrue();
            }
        }
    }
}
