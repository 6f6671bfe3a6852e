package io.herald.routing;

import io.herald.directory.Directory;
import io.herald.directory.User;
import io.herald.events.EventPath;
import io.herald.events.RoutableEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the announcement a matching {@code announce} rule publishes, and the withdrawal an event asks for. */
final class AnnouncementPlanner {

    private final Directory directory;
    private final RecipientResolver resolver;

    AnnouncementPlanner(Directory directory, RecipientResolver resolver) {
        this.directory = directory;
        this.resolver = resolver;
    }

    /**
     * @param problems receives audience entries that named nobody and times the event gives unreadably, naming
     *        the rule
     */
    PlannedAnnouncement plan(Rule rule, RoutableEvent event, Collection<String> problems) {
        AnnounceSpec spec = rule.announce();
        Map<String, User> members = new LinkedHashMap<>();
        for (AnnounceSpec.Audience entry : spec.audience()) {
            List<User> named = entry.who() == null ? directory.users() : resolved(rule, entry.who(), event, problems);
            named.stream().filter(user -> user.matches(entry.where())).forEach(user -> members.putIfAbsent(user.id(),
                    user));
        }
        List<User> inIdOrder = members.values().stream().sorted(Comparator.comparing(User::id)).toList();
        Instant sendAt = time(rule, "sendAt", spec.sendAt(), event, problems);
        Instant expiresAt = time(rule, "expiresAt", spec.expiresAt(), event, problems);
        return new PlannedAnnouncement(rule.name(), key(spec.key(), event), rule.template(), rule.priority(),
                rule.channels(), inIdOrder, sendAt, expiresAt, spec.pageSize());
    }

    static PlannedWithdrawal withdrawal(Rule rule, RoutableEvent event) {
        return new PlannedWithdrawal(rule.name(), key(rule.announce().key(), event));
    }

    private List<User> resolved(Rule rule, RecipientSpec who, RoutableEvent event, Collection<String> problems) {
        RecipientResolver.Resolution resolution = resolver.resolve(who, event);
        if (resolution.problem() != null) {
            problems.add("rule '" + rule.name() + "': " + who + ": " + resolution.problem());
        }
        return resolution.users();
    }

    /** The key at the rule's path, else the event's subject, else its id. */
    private static String key(EventPath path, RoutableEvent event) {
        Optional<String> keyed = path == null ? Optional.empty() : path.text(event).filter(text -> !text.isBlank());
        String subject = event.event().getSubject();
        return keyed.orElse(subject == null || subject.isBlank() ? event.event().getId() : subject);
    }

    /** @return the time at {@code path}, or null when there is no path, no value, or no readable time (reported) */
    private static Instant time(Rule rule, String name, EventPath path, RoutableEvent event,
            Collection<String> problems) {
        if (path == null) {
            return null;
        }
        Optional<String> text = path.text(event);
        if (text.isEmpty()) {
            return null;
        }
        Optional<Instant> time = Rfc3339.parse(text.get());
        if (time.isEmpty()) {
            // The value is the sender's and may be anything; the path says enough to find it.
            problems.add("rule '" + rule.name() + "': " + name + " at " + path + " is not an RFC 3339 time; ignored");
        }
        return time.orElse(null);
    }
}
