package io.herald.wiring;

import io.herald.schedule.ScheduledFunction;
import io.herald.wiring.FunctionsManifest.FunctionSpec;
import io.herald.wiring.FunctionsManifest.ScheduleSpec;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs every schedule-triggered function of {@code functions.yaml} in this process, on the Quarkus scheduler, at
 * the interval ({@code every}) of its schedule, or the operator's ({@link ScheduleIntervals}): what EventBridge
 * Scheduler does in the cloud. Each job is named after its schedule.
 */
@Singleton
public class LocalSchedules {

    /** Off in Lambda, where EventBridge Scheduler invokes the functions, and in tests, which run them by hand. */
    public static final String ENABLED = "herald.schedules.local";

    private static final Logger LOG = Logger.getLogger(LocalSchedules.class);

    private final FunctionsManifest manifest;
    private final Instance<ScheduledFunction> functions;
    private final Scheduler scheduler;
    private final Config config;
    private final boolean enabled;

    LocalSchedules(FunctionsManifest manifest, Instance<ScheduledFunction> functions, Scheduler scheduler,
            Config config, @ConfigProperty(name = ENABLED, defaultValue = "true") boolean enabled) {
        this.manifest = manifest;
        this.functions = functions;
        this.scheduler = scheduler;
        this.config = config;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent startup) {
        if (!enabled) {
            return;
        }
        Map<String, String> intervals = ScheduleIntervals.of(config, manifest.schedules().keySet());
        for (Job job : jobs(manifest, functions, intervals)) {
            ScheduledFunction function = job.function();
            scheduler.newJob(job.id())
                    .setInterval(job.every())
                    // a run that outlasts the interval must not have a second one started beside it
                    .setConcurrentExecution(ConcurrentExecution.SKIP)
                    .setTask(execution -> function.run())
                    .schedule();
            LOG.infof("schedule %s runs %s every %s", job.id(), function.name(), job.every());
        }
    }

    /** A schedule of functions.yaml and the function it runs. */
    record Job(String id, String every, ScheduledFunction function) {
    }

    /**
     * The jobs functions.yaml asks for, one per schedule-triggered function.
     *
     * @param intervals the operator's intervals by schedule, which replace functions.yaml's {@code every}
     * @throws IllegalStateException when functions.yaml names a schedule it does not declare, a schedule has no
     *         {@code every}, or no {@link ScheduledFunction} bean has the function's handler name
     */
    static List<Job> jobs(FunctionsManifest manifest, Iterable<ScheduledFunction> beans,
            Map<String, String> intervals) {
        Map<String, ScheduledFunction> byName = new HashMap<>();
        beans.forEach(f -> byName.put(f.name(), f));
        List<Job> jobs = new ArrayList<>();
        for (Map.Entry<String, FunctionSpec> entry : manifest.functions().entrySet()) {
            String name = entry.getKey();
            FunctionSpec spec = entry.getValue();
            if (spec.schedule() == null) {
                continue;
            }
            ScheduleSpec schedule = manifest.schedules().get(spec.schedule());
            if (schedule == null) {
                throw new IllegalStateException("functions.yaml: function '" + name + "' is triggered by schedule '"
                        + spec.schedule() + "', which schedules does not declare");
            }
            if (schedule.every() == null || schedule.every().isBlank()) {
                throw new IllegalStateException("functions.yaml: schedule '" + spec.schedule()
                        + "' has no 'every', the interval local mode runs function '" + name + "' at");
            }
            ScheduledFunction function = byName.get(spec.handler());
            if (function == null) {
                throw new IllegalStateException("functions.yaml schedules '" + spec.handler()
                        + "' but no scheduled function has that name");
            }
            jobs.add(new Job(spec.schedule(), intervals.getOrDefault(spec.schedule(), schedule.every()), function));
        }
        return jobs;
    }
}
