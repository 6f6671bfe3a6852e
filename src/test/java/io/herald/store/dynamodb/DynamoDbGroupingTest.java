package io.herald.store.dynamodb;

import io.herald.grouping.GroupedFlood;
import io.herald.slasweep.SlaSweep;
import io.herald.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Groups of events work end to end with the application's store on DynamoDB (a dynalite, tables made at start). */
@QuarkusTest
@TestProfile(DynamoDbGroupingTest.OnDynamoDbWithATestClock.class)
class DynamoDbGroupingTest {

    public static class OnDynamoDbWithATestClock implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "herald.store.kind", "dynamodb",
                    "herald.dynamodb.create-tables", "true",
                    "herald.dynamodb.table-prefix", "grouping-");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(TestClock.class);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DynaliteResource.class));
        }
    }

    @Inject
    TestClock clock;

    @Inject
    SlaSweep sweep;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aFloodIsAnnouncedOnceThenUpdatedOnceFromDynamoDb() {
        GroupedFlood.isAnnouncedOnceThenUpdatedOnce(clock, sweep);
    }
}
