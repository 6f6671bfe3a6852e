package io.herald.config;

import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which of Herald's two modes this process runs in. Local mode is the {@code local} configuration profile, which
 * a person asks for ({@code bin/herald} starts the application with {@code -Dquarkus.profile=local}); every other
 * start is production. It is the profile and not a setting of its own, so no stray environment variable can turn
 * a server into a demo: local mode serves the simulators, uses the sample secrets of the {@code %local} profile,
 * leaves operator endpoints open and listens on the loopback interface only.
 */
@ApplicationScoped
public class RunMode {

    public static final String LOCAL_PROFILE = "local";

    private final boolean local = ConfigUtils.isProfileActive(LOCAL_PROFILE);

    public boolean local() {
        return local;
    }

    public boolean production() {
        return !local;
    }
}
