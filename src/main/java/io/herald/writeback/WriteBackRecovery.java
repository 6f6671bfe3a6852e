package io.herald.writeback;

import io.herald.domain.WriteBack;
import io.herald.task.TaskStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Picks up write-backs a previous run left in the store: pending ones (due now or later) and those whose writer
 * died holding them. The queue held only wake-up calls, so waking each again is all a restart needs; the writer
 * sorts out order per entity and leases still running.
 */
@ApplicationScoped
public class WriteBackRecovery {

    private static final Logger LOG = Logger.getLogger(WriteBackRecovery.class);
    private static final int BATCH = 10_000;

    private final TaskStore store;
    private final WriteBackQueue queue;
    private final WriteBackConfig config;
    private final Clock clock;
    private final boolean enabled;

    WriteBackRecovery(TaskStore store, WriteBackQueue queue, WriteBackConfig config, Clock clock,
            @ConfigProperty(name = "herald.recovery.on-start", defaultValue = "true") boolean enabled) {
        this.store = store;
        this.queue = queue;
        this.config = config;
        this.clock = clock;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent startup) {
        if (enabled) {
            recover();
        }
    }

    /** Wakes every open write-back at the time it is due (its retry time, or the end of its lease). */
    public void recover() {
        Instant now = clock.instant();
        // No retry is scheduled past its give-up time and leases are short, so this horizon covers every open one.
        List<WriteBack> open = store.dueWriteBacks(now.plus(config.giveUpAfter()), BATCH);
        for (WriteBack writeBack : open) {
            queue.wake(writeBack.id(), Duration.between(now, writeBack.nextAttemptAt()));
        }
        if (!open.isEmpty()) {
            LOG.infof("resumed %d write-back(s) to xConnector", open.size());
        }
    }
}
