package io.herald.task;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes {@link InMemoryTaskStore} the {@link TaskStore} of every Quarkus test. A test profile that sets
 * {@link #LEFTOVERS} gets a store that already holds what a crashed run left behind (see
 * {@code io.herald.writeback.LeftoverWriteBacks}), as a durable store would after a restart.
 */
@ApplicationScoped
public class InMemoryTaskStoreProducer {

    /** Config key naming the run whose leftover write-backs the store starts with. */
    public static final String LEFTOVERS = "herald.test.task-store.leftovers";

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    TaskStore taskStore(@ConfigProperty(name = LEFTOVERS) Optional<String> leftoversOfRun) {
        InMemoryTaskStore store = new InMemoryTaskStore();
        leftoversOfRun.ifPresent(run -> io.herald.writeback.LeftoverWriteBacks.leaveIn(store, run));
        return store;
    }
}
