package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the JDBC store factory refuses before any datasource is touched. */
class JdbcStoreFactoryTest {

    @Test
    void aNegativeGatherWindowIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new JdbcStoreFactory(null, null, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("herald.store.group-commit.gather must be 0 or more, not PT-0.001S");
    }
}
