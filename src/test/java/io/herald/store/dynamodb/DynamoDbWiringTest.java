package io.herald.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import io.herald.store.Store;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code herald.store.kind=dynamodb} puts the application's Store on DynamoDB (a dynalite here, its tables
 * created at start-up) with both datasources inactive.
 */
@QuarkusTest
@TestProfile(DynamoDbWiringTest.DynamoDbStoreProfile.class)
class DynamoDbWiringTest {

    public static class DynamoDbStoreProfile implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "herald.store.kind", "dynamodb",
                    "herald.dynamodb.create-tables", "true",
                    "herald.dynamodb.table-prefix", "wiring-");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DynaliteResource.class));
        }
    }

    @Inject
    Store store;

    @Inject
    DynamoDbClient client;

    @Inject
    InjectableInstance<DataSource> h2;

    @Inject
    @io.quarkus.agroal.DataSource("postgresql")
    InjectableInstance<DataSource> postgresql;

    @Test
    void storeWritesToDynamoDb() {
        StoredEvent event = new StoredEvent("/wiring-test", UUID.randomUUID().toString(), "test.stored", null, null,
                Instant.now().truncatedTo(ChronoUnit.MICROS), Map.of(), null, null, EventStatus.RECEIVED, List.of(),
                null);

        assertThat(store.insertEvent(event)).isTrue();

        Map<String, AttributeValue> item = client.getItem(b -> b.tableName("wiring-events").consistentRead(true)
                .key(Map.of("source", AttributeValue.fromS(event.source()), "id", AttributeValue.fromS(event.id()))))
                .item();
        assertThat(item).as("event item in DynamoDB").containsKey("type");
        assertThat(item.get("type").s()).isEqualTo("test.stored");
        assertThat(store.findEvent(event.key())).contains(event);
    }

    @Test
    void bothDatasourcesAreInactive() {
        assertThat(h2.getHandle().getBean().isActive()).isFalse();
        assertThat(postgresql.getHandle().getBean().isActive()).isFalse();
    }
}
