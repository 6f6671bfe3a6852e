package io.herald.routing;

import io.cloudevents.CloudEvent;
import io.herald.directory.Directory;
import io.herald.directory.User;
import io.herald.domain.Channel;
import io.herald.events.RoutableEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides who hears about an event, on which channels, with which template. Rules are compiled at start-up
 * (eagerly, so a bad rules or directory file stops the application); routing itself is lookups in memory.
 *
 * <p>Every matching rule contributes. Each person gets at most one delivery per channel: when several rules name
 * the same person and channel, the highest priority wins, and between equal priorities the rule that comes first
 * in the file. A rule's {@code group} or {@code throttle} block goes with its deliveries ({@link Delivery#group},
 * {@link Delivery#throttle}); urgent rules have neither, so an urgent match is sent at once. A rule's
 * {@code announce} block makes it publish an announcement to its audience instead ({@link PlannedAnnouncement}),
 * and an event of the type its {@code withdrawnBy} names withdraws one ({@link PlannedWithdrawal}).
 */
@ApplicationScoped
@Startup
public class Router {

    private final RuleSet rules;
    private final RecipientResolver resolver;
    private final AnnouncementPlanner announcements;

    @Inject
    public Router(RuleSet rules, Directory directory) {
        this.rules = rules;
        this.resolver = new RecipientResolver(directory);
        this.announcements = new AnnouncementPlanner(directory, resolver);
    }

    /**
     * Routes one event. Its data is parsed at most once, and only if a rule needs it.
     *
     * @return the plan; empty if no rule matches
     */
    public RoutingPlan route(CloudEvent event) {
        List<Rule> candidates = rules.candidates(event.getType());
        List<Rule> withdrawing = rules.withdrawing(event.getType());
        if (candidates.isEmpty() && withdrawing.isEmpty()) {
            return RoutingPlan.empty();
        }
        RoutableEvent routable = new RoutableEvent(event);
        List<PlannedAnnouncement> published = new ArrayList<>();
        List<PlannedWithdrawal> withdrawn = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        Map<String, Delivery> chosen = new LinkedHashMap<>();
        Set<String> unresolved = new LinkedHashSet<>();
        Set<String> missingAddresses = new LinkedHashSet<>();
        List<PlannedTask> tasks = new ArrayList<>();
        Set<String> taskRules = new HashSet<>();
        for (Rule rule : candidates) {
            if (!rule.applies(routable)) {
                continue;
            }
            matched.add(rule.name());
            if (rule.announce() != null) {
                published.add(announcements.plan(rule, routable, unresolved));
                continue;
            }
            GroupPlan group = group(rule, routable);
            Set<String> assignees = new LinkedHashSet<>();
            for (RecipientSpec recipient : rule.recipients()) {
                RecipientResolver.Resolution resolution = resolver.resolve(recipient, routable);
                if (resolution.problem() != null) {
                    unresolved.add("rule '" + rule.name() + "': " + recipient + ": " + resolution.problem());
                }
                for (User user : resolution.users()) {
                    assignees.add(user.id());
                    for (Channel channel : rule.channels()) {
                        String address = user.address(channel);
                        if (address == null) {
                            missingAddresses.add("rule '" + rule.name() + "': user '" + user.id() + "' has no "
                                    + (channel == Channel.EMAIL ? "e-mail address" : "phone number") + " ("
                                    + channel.id() + ")");
                            continue;
                        }
                        Delivery candidate = new Delivery(rule.name(), rule.template(), rule.priority(), user.id(),
                                channel, address, user.locale(), user.timeZone(), group, rule.throttle());
                        chosen.merge(user.id() + '\n' + channel, candidate,
                                (earlier, later) -> preferred(earlier, later, taskRules));
                    }
                }
            }
            if (rule.task() != null) {
                TaskPlanner.plan(rule, routable, List.copyOf(assignees), unresolved).ifPresent(task -> {
                    tasks.add(task);
                    taskRules.add(rule.name());
                });
            }
        }
        for (Rule rule : withdrawing) {
            // The withdrawal speaks of an announcement of the same source; the rule's condition is the
            // announcement's, which the withdrawing event need not meet.
            if (rule.match().matchesSource(event.getSource())) {
                matched.add(rule.name());
                withdrawn.add(AnnouncementPlanner.withdrawal(rule, routable));
            }
        }
        return new RoutingPlan(matched, List.copyOf(chosen.values()), List.copyOf(unresolved),
                List.copyOf(missingAddresses), tasks, published, withdrawn);
    }

    /** The group an event of a grouping rule joins; null when the rule sends each event on its own. */
    private static GroupPlan group(Rule rule, RoutableEvent event) {
        GroupSpec spec = rule.group();
        if (spec == null) {
            return null;
        }
        List<String> values = spec.by().stream().map(path -> path.text(event).orElse("")).toList();
        return new GroupPlan(values, spec.initialWait(), spec.interval(), spec.repeat());
    }

    /**
     * A delivery carrying action links beats one that does not, whatever the priorities; otherwise the higher
     * priority wins, and rules are visited in file order, so keeping the earlier delivery keeps the first rule.
     */
    private static Delivery preferred(Delivery earlier, Delivery later, Set<String> taskRules) {
        boolean earlierActs = taskRules.contains(earlier.rule());
        boolean laterActs = taskRules.contains(later.rule());
        if (earlierActs != laterActs) {
            return laterActs ? later : earlier;
        }
        return later.priority().compareTo(earlier.priority()) > 0 ? later : earlier;
    }
}
