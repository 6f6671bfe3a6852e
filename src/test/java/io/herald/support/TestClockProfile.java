package io.herald.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the application on a {@link TestClock}, for tests that reach deadlines without waiting, with a store of
 * its own: work other tests left behind, stamped with real time, would otherwise be woken and retried in the
 * tests' travelled time.
 */
public class TestClockProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("herald.data-dir", "./target/test-clock-data/" + UUID.randomUUID());
    }
}
