package io.herald.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.store.dynamodb.CountingInterceptor.Call;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What one typical event costs on DynamoDB, counted from the calls Herald makes, as the capacity note in
 * terraform/README.md states it: an event of the sample shipment-delayed, which one rule sends as an e-mail and an
 * SMS, both delivered on their first status check. Write units are the tables' own (as the table reports them) and
 * their indexes' (one for an entry added, changed or removed, two for an entry whose key moved).
 */
@QuarkusTest
@TestProfile(DynamoDbCapacityPerEventTest.OnDynamoDbCounted.class)
class DynamoDbCapacityPerEventTest {

    private static final String PREFIX = "capacity-";

    public static class OnDynamoDbCounted implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "herald.store.kind", "dynamodb",
                    "herald.dynamodb.create-tables", "true",
                    "herald.dynamodb.table-prefix", PREFIX,
                    "quarkus.dynamodb.interceptors", CountingInterceptor.class.getName());
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DynaliteResource.class));
        }
    }

    /** What an event cost one table. */
    record Tally(Map<String, Integer> requests, double tableWrites, Map<String, Integer> indexWrites,
            double reads) {

        double writes() {
            return tableWrites + indexWrites.values().stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public String toString() {
            return "requests " + requests + ", table writes " + tableWrites + ", index writes " + indexWrites
                    + ", reads " + reads;
        }
    }

    @Inject
    DynamoDbClient dynamodb;

    @Test
    void aTypicalEventTakesTheRequestsAndWriteUnitsTheCapacityNoteCounts() {
        Herald.awaitIdle();
        CountingInterceptor.reset();

        Herald.post(Herald.sample("shipment-delayed")).then().statusCode(202);
        Herald.awaitIdle();
        List<Call> calls = CountingInterceptor.calls();

        Map<String, Tally> tallies = tally(calls);
        StringBuilder report = new StringBuilder();
        tallies.forEach((table, tally) -> report.append(table).append(": ").append(tally).append('\n'));
        System.out.println("DynamoDB per typical event\n" + report);

        // per notification (two here): 2 GetItem and 4 PutItem of notifications, 10 index writes, 1 GetItem of events,
        // 2 PutItem of audit
        assertThat(report.toString()).isEqualTo("""
                audit: requests {PutItem=6}, table writes 6.0, index writes {}, reads 0.0
                events: requests {GetItem=2, PutItem=1, UpdateItem=1}, table writes 2.0, index writes {by-status=3}, \
                reads 2.0
                notifications: requests {GetItem=4, PutItem=8}, table writes 8.0, index writes {by-due=8, by-event=8, \
                by-sent=4}, reads 4.0
                """);
        assertThat(tallies.values().stream().mapToDouble(Tally::writes).sum()).as("write units").isEqualTo(39);
        assertThat(tallies.values().stream().mapToDouble(Tally::reads).sum()).as("read units").isEqualTo(6);
    }

    private Map<String, Tally> tally(List<Call> calls) {
        Map<String, List<Call>> byTable = new TreeMap<>();
        for (Call call : calls) {
            byTable.computeIfAbsent(Objects.requireNonNullElse(call.table(), "?").replace(PREFIX, ""),
                    t -> new ArrayList<>()).add(call);
        }
        Map<String, Tally> tallies = new TreeMap<>();
        byTable.forEach((table, tableCalls) -> {
            List<GlobalSecondaryIndexDescription> indexes = table.equals("?") ? List.of()
                    : describe(PREFIX + table).globalSecondaryIndexes();
            Map<String, Integer> requests = new TreeMap<>();
            Map<String, Integer> indexWrites = new TreeMap<>();
            double tableWrites = 0;
            double reads = 0;
            for (Call call : tableCalls) {
                String operation = call.operation() + (call.index() == null ? "" : " " + call.index())
                        + (call.failed() ? " refused" : "");
                requests.merge(operation, 1, Integer::sum);
                switch (call.operation()) {
                    case "PutItem", "UpdateItem", "DeleteItem" -> tableWrites += call.units();
                    default -> reads += call.units();
                }
                if (call.newItem() != null) {
                    for (GlobalSecondaryIndexDescription index : indexes) {
                        int units = indexWrites(index, call.oldItem(), call.newItem());
                        if (units > 0) {
                            indexWrites.merge(index.indexName(), units, Integer::sum);
                        }
                    }
                }
            }
            tallies.put(table, new Tally(requests, tableWrites, indexWrites, reads));
        });
        return tallies;
    }

    /** An index entry added or removed is one write, changed in place one, moved to another key two. */
    private static int indexWrites(GlobalSecondaryIndexDescription index, Map<String, ?> oldItem,
            Map<String, ?> newItem) {
        List<Object> oldKey = key(index, oldItem);
        List<Object> newKey = key(index, newItem);
        if (oldKey == null && newKey == null) {
            return 0;
        }
        if (oldKey == null || newKey == null) {
            return 1;
        }
        if (!oldKey.equals(newKey)) {
            return 2;
        }
        return oldItem.equals(newItem) ? 0 : 1;
    }

    private static List<Object> key(GlobalSecondaryIndexDescription index, Map<String, ?> item) {
        if (item == null) {
            return null;
        }
        List<Object> key = new ArrayList<>();
        for (KeySchemaElement element : index.keySchema()) {
            Object value = item.get(element.attributeName());
            if (value == null) {
                return null;
            }
            key.add(value);
        }
        return key;
    }

    private TableDescription describe(String table) {
        return dynamodb.describeTable(b -> b.tableName(table)).table();
    }
}
