package io.herald.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Set;

/** Runs the application on a {@link TestClock}, for tests that reach deadlines without waiting. */
public class TestClockProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }
}
