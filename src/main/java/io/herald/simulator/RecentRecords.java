package io.herald.simulator;

import io.herald.config.RunMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the simulators' records, each keeping as many items as {@value RecentRecord#LIMIT_SETTING} says. Local
 * mode refuses to start with a limit the records cannot keep, rather than failing the simulators' first request;
 * production serves no simulator, so there the setting is not looked at.
 */
@ApplicationScoped
public class RecentRecords {

    private final int limit;

    @Inject
    public RecentRecords(@ConfigProperty(name = RecentRecord.LIMIT_SETTING,
            defaultValue = "" + RecentRecord.DEFAULT_LIMIT) int limit) {
        this.limit = limit;
    }

    /** @param forgotten told of each item pushed out by a newer one */
    public <T> RecentRecord<T> keeping(Consumer<T> forgotten) {
        return new RecentRecord<>(limit, forgotten);
    }

    void checkAtStart(@Observes StartupEvent startup, RunMode mode) {
        if (mode.local()) {
            RecentRecord.requireValidLimit(limit);
        }
    }
}
