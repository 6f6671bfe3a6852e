package io.herald.store.jdbc;

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

/**
 * Groups of events work end to end with the application's store on PostgreSQL (started by {@code bin/services}),
 * emptied first: the test clock runs in the past, where the work other suites left would be due for ever.
 */
@QuarkusTest
@TestProfile(PostgresGroupingTest.OnPostgresqlWithATestClock.class)
class PostgresGroupingTest {

    public static class OnPostgresqlWithATestClock implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "herald.store.kind", "postgresql",
                    "quarkus.datasource.\"postgresql\".jdbc.url", TestDatabases.POSTGRES_URL,
                    "quarkus.datasource.\"postgresql\".username", TestDatabases.POSTGRES_USER,
                    "quarkus.datasource.\"postgresql\".password", TestDatabases.POSTGRES_PASSWORD);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmptyPostgresDatabase.class));
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(TestClock.class);
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
    void aFloodIsAnnouncedOnceThenUpdatedOnceFromPostgresql() {
        GroupedFlood.isAnnouncedOnceThenUpdatedOnce(clock, sweep);
    }
}
