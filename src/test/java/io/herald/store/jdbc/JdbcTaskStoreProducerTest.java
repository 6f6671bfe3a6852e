package io.herald.store.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The producer makes a JDBC task store only for the kinds of store that are JDBC databases. */
class JdbcTaskStoreProducerTest {

    @Test
    void anyOtherKindOfStoreIsRefused() {
        assertThatThrownBy(() -> new JdbcTaskStoreProducer().taskStore("dynamodb", null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("herald.store.kind")
                .hasMessageContaining("dynamodb");
    }
}
