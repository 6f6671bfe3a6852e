package io.herald.sla;

import io.cloudevents.CloudEvent;
import io.herald.config.ConfigFile;
import io.herald.directory.Directory;
import io.herald.events.RoutableEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SLA policies of one file, checked when read: a loaded instance holds only valid policies, each with its
 * calendar resolved and its escalation recipients known to the directory. Immutable and safe to share.
 */
public final class SlaPolicies {

    /** The bundled sample policies, used when {@code herald.sla.file} is not set. */
    public static final String SAMPLE = "classpath:herald/sla.yaml";

    private static final SlaPolicies NONE = new SlaPolicies("(none)", List.of());

    private final String file;
    private final Map<String, SlaPolicyConfig> byName = new LinkedHashMap<>();
    private final Map<String, List<Listener>> byEventType = new HashMap<>();

    SlaPolicies(String file, List<SlaPolicyConfig> policies) {
        this.file = file;
        for (SlaPolicyConfig policy : policies) {
            byName.put(policy.name(), policy);
            if (policy.clock() != null) {
                ClockEvents clock = policy.clock();
                clock.pause().forEach(type -> listen(type, policy, ClockAction.PAUSE));
                clock.resume().forEach(type -> listen(type, policy, ClockAction.RESUME));
                clock.stop().forEach(type -> listen(type, policy, ClockAction.STOP));
            }
        }
    }

    /**
     * Reads and checks an SLA policy file; every user, team and group its escalation tiers name must be in
     * {@code directory}.
     *
     * @param file a filesystem path, or {@code classpath:} and a resource path
     * @throws io.herald.config.ConfigurationProblem listing every problem of the file, with line and reason
     */
    public static SlaPolicies load(String file, Directory directory) {
        return SlaPoliciesReader.read(ConfigFile.read(file), directory);
    }

    /** No policies at all: for rules files that name none. */
    public static SlaPolicies none() {
        return NONE;
    }

    /** The file the policies came from. */
    public String file() {
        return file;
    }

    /** The policy names in file order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * @return the policy as currently configured; a task copies its {@code policy()} when it starts and keeps that
     *         copy, so later edits of the file do not reach running tasks
     */
    public Optional<SlaPolicyConfig> policy(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The clock changes an incoming event asks for: one command per policy that lists the event's type under
     * {@code pause}, {@code resume} or {@code stop} and whose entity paths all resolve in the event. Policies whose
     * entity the event does not name are skipped silently: such an event concerns no task of theirs.
     *
     * @return the commands in policy file order; empty when no policy listens to the type
     */
    public List<ClockCommand> clockCommands(RoutableEvent event) {
        List<Listener> listeners = byEventType.getOrDefault(event.event().getType(), List.of());
        List<ClockCommand> commands = new ArrayList<>(listeners.size());
        for (Listener listener : listeners) {
            listener.policy().clock().entity().resolve(event)
                    .map(entity -> new ClockCommand(listener.policy().name(), listener.action(), entity))
                    .ifPresent(commands::add);
        }
        return commands;
    }

    /** As {@link #clockCommands(RoutableEvent)}, for a caller that has no routable event at hand. */
    public List<ClockCommand> clockCommands(CloudEvent event) {
        return clockCommands(new RoutableEvent(event));
    }

    private void listen(String type, SlaPolicyConfig policy, ClockAction action) {
        byEventType.computeIfAbsent(type, t -> new ArrayList<>()).add(new Listener(policy, action));
    }

    private record Listener(SlaPolicyConfig policy, ClockAction action) {
    }
}
