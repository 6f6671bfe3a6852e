package io.herald.store.jdbc;

import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs {@link H2FileCompaction} at an interval ({@value #INTERVAL}, 1 s) while the store is the embedded H2
 * database; with any other store kind it schedules nothing. At shutdown the rounds stop before the database closes.
 */
@Singleton
public class H2FileCompactionSchedule {

    public static final String INTERVAL = "herald.store.h2.compaction-interval";

    private static final Logger LOG = Logger.getLogger(H2FileCompactionSchedule.class);
    private static final String JOB = "h2-file-compaction";

    private final InjectableInstance<DataSource> h2;
    private final Scheduler scheduler;
    private final String interval;
    private H2FileCompaction compaction;

    H2FileCompactionSchedule(InjectableInstance<DataSource> h2, Scheduler scheduler,
            @ConfigProperty(name = INTERVAL, defaultValue = "1s") String interval) {
        this.h2 = h2;
        this.scheduler = scheduler;
        this.interval = interval;
    }

    void start(@Observes StartupEvent startup) {
        if (!JdbcStoreFactory.isActive(h2)) {
            return;
        }
        compaction = new H2FileCompaction(h2.get());
        scheduler.newJob(JOB)
                .setInterval(interval)
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> {
                    try {
                        compaction.compactOnce();
                    } catch (RuntimeException e) {
                        LOG.warnf("%s; the next round tries again", e.getMessage());
                    }
                })
                .schedule();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (compaction == null) {
            return;
        }
        scheduler.unscheduleJob(JOB);
        compaction.stop();
    }
}
