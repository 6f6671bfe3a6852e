package io.herald.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Jobs kept in a map with versions checked like a store's, and everything the outbox asks for written down. */
class JobKind implements OutboxKind<Job> {

    final Map<String, Job> stored = new HashMap<>();
    final List<String> wakes = new ArrayList<>();
    final List<String> retries = new ArrayList<>();
    final List<String> deaths = new ArrayList<>();
    final List<String> alerts = new ArrayList<>();
    final RetryPolicy policy;
    boolean inTurn = true;

    JobKind(RetryPolicy policy) {
        this.policy = policy;
    }

    Job store(Job job) {
        stored.put(job.id(), job);
        return job;
    }

    @Override
    public String name() {
        return "job";
    }

    @Override
    public RetryPolicy policy() {
        return policy;
    }

    @Override
    public Optional<Job> find(String id) {
        return Optional.ofNullable(stored.get(id));
    }

    @Override
    public Optional<Job> update(Job changed) {
        Job current = stored.get(changed.id());
        if (current == null || current.version() != changed.version()) {
            return Optional.empty();
        }
        Job next = new Job(changed.id(), changed.state(), changed.attempts(), changed.nextAttemptAt(),
                changed.createdAt(), changed.lastError(), changed.alertOwed(), changed.version() + 1);
        stored.put(next.id(), next);
        return Optional.of(next);
    }

    @Override
    public void wake(String id, Duration delay) {
        wakes.add(id + " in " + delay);
    }

    @Override
    public boolean inTurn(Job due) {
        return inTurn;
    }

    @Override
    public void raiseOwed(Job owing) {
        if (owing.owesAlert()) {
            alerts.add(owing.id() + " " + owing.alertOwed());
            update(owing.alerted());
        }
    }

    @Override
    public void retrying(Job failed, String errorCode, Duration delay) {
        retries.add(failed.id() + " attempt " + failed.attempts() + " " + errorCode);
    }

    @Override
    public void gaveUp(Job dead, String errorCode) {
        deaths.add(dead.id() + " " + errorCode);
    }
}
