package io.herald.routing;

import java.util.List;

/**
 * What routing decided for one event. An event no rule matches gets an empty plan, which is not an error.
 * A rule can match and still yield no delivery, when none of its recipients resolves or has an address.
 *
 * @param matchedRules names of the rules that matched, in file order
 * @param deliveries at most one per person and channel
 * @param unresolvedRecipients recipient entries that named nobody, e.g.
 *        {@code rule 'case-update': ref: data.assignee: 'zed' is not a user}, and what an event lacked for a
 *        rule's task: an entity (no task) or a readable deadline (a task without an SLA)
 * @param missingAddresses people skipped on a channel they have no address for, e.g.
 *        {@code rule 'integration-failure': user 'heidi' has no phone number (sms)}
 * @param tasks the tasks matching rules raise, one per rule with a {@code task} block
 * @param announcements the announcements matching {@code announce} rules publish
 * @param withdrawals the announcements the event withdraws (it is the type a rule's {@code withdrawnBy} names)
 */
public record RoutingPlan(List<String> matchedRules, List<Delivery> deliveries, List<String> unresolvedRecipients,
        List<String> missingAddresses, List<PlannedTask> tasks, List<PlannedAnnouncement> announcements,
        List<PlannedWithdrawal> withdrawals) {

    /** A plan without announcements. */
    public RoutingPlan(List<String> matchedRules, List<Delivery> deliveries, List<String> unresolvedRecipients,
            List<String> missingAddresses, List<PlannedTask> tasks) {
        this(matchedRules, deliveries, unresolvedRecipients, missingAddresses, tasks, List.of(), List.of());
    }

    public RoutingPlan {
        matchedRules = List.copyOf(matchedRules);
        deliveries = List.copyOf(deliveries);
        unresolvedRecipients = List.copyOf(unresolvedRecipients);
        missingAddresses = List.copyOf(missingAddresses);
        tasks = List.copyOf(tasks);
        announcements = List.copyOf(announcements);
        withdrawals = List.copyOf(withdrawals);
    }

    public static RoutingPlan empty() {
        return new RoutingPlan(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** @return true if at least one rule matched, or the event withdraws an announcement */
    public boolean routed() {
        return !matchedRules.isEmpty();
    }

    /** Whether the event publishes or withdraws an announcement. */
    public boolean announces() {
        return !announcements.isEmpty() || !withdrawals.isEmpty();
    }
}
