package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.EventKey;
import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import io.herald.support.ApplicationH2;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * With the application's H2 settings every commit is a chunk of the file of its own, and the chunks of many small
 * commits stay mostly dead (without compaction the live share stays under a tenth); rounds of compaction move their
 * live pages, so the chunks the file keeps are mostly live again and the space of the others is free.
 */
class H2FileCompactionTest {

    private static final int EVENTS = 1_000;

    @Test
    void compactionLeavesTheFileMostlyLiveAfterManySmallCommits() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "compaction-test")).toAbsolutePath();
        JdbcDataSource dataSource = ApplicationH2.dataSource(dir.resolve("run-" + System.nanoTime()));
        // Held open like a pool's connections, so the database stays open between the calls.
        try (Connection open = dataSource.getConnection()) {
            Flyway.configure().dataSource(dataSource).load().migrate();
            JdbcStore store = new JdbcStore(dataSource, new ObjectMapper());
            for (int i = 0; i < EVENTS; i++) {
                store.insertEvent(received("/compaction", i));
                store.markRouted(new EventKey("/compaction", "evt-" + i), List.of("r"), Instant.now());
            }
            MVStore file = H2FileCompaction.mvStore(open);
            // Emptied chunks are freed at once instead of after H2's retention time (45 s), so the test need not wait.
            file.setRetentionTime(0);
            int before = file.getFileStore().getChunksFillRate();

            H2FileCompaction compaction = new H2FileCompaction(dataSource);
            boolean rewrote = compaction.compactOnce();
            int rounds = 1;
            while (rounds < 20 && compaction.compactOnce()) {
                rounds++;
            }
            // H2 drops the emptied chunks when it next stores a commit.
            for (int i = 0; i < 10; i++) {
                store.insertEvent(received("/compaction/after", i));
            }

            assertThat(rewrote).as("the first round rewrote sparse chunks").isTrue();
            assertThat(before).as("fill rate after many small commits").isLessThan(50);
            assertThat(file.getFileStore().getChunksFillRate()).as("fill rate after compaction")
                    .isGreaterThanOrEqualTo(50);
            assertThat(store.findEvent(new EventKey("/compaction", "evt-" + (EVENTS - 1))))
                    .hasValueSatisfying(event -> assertThat(event.status()).isEqualTo(EventStatus.ROUTED));
        }
    }

    private static StoredEvent received(String source, int i) {
        return new StoredEvent(source, "evt-" + i, "t", null, null, Instant.now(), Map.of(), null, null,
                EventStatus.RECEIVED, List.of(), null);
    }
}
