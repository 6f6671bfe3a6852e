package io.herald.wiring;

import io.quarkus.scheduler.SuccessfulExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The scheduler jobs that ran to completion in this application, by id. */
@ApplicationScoped
public class ScheduledRuns {

    private final Set<String> completed = ConcurrentHashMap.newKeySet();

    void completed(@Observes SuccessfulExecution execution) {
        completed.add(execution.getExecution().getTrigger().getId());
    }

    public boolean ranToCompletion(String job) {
        return completed.contains(job);
    }
}
