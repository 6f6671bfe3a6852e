package io.herald.routing;

import io.herald.directory.Directory;
import io.herald.directory.User;
import io.herald.events.RoutableEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Turns a rule's recipient entry into directory users for one event. Lookups only, no I/O. */
final class RecipientResolver {

    private final Directory directory;

    RecipientResolver(Directory directory) {
        this.directory = directory;
    }

    /**
     * The users an entry names.
     *
     * @param users the users found, in directory order
     * @param problem why the entry resolved to nobody, or null
     */
    record Resolution(List<User> users, String problem) {

        static Resolution of(List<User> users) {
            return new Resolution(users, null);
        }

        static Resolution unresolved(String problem) {
            return new Resolution(List.of(), problem);
        }
    }

    Resolution resolve(RecipientSpec spec, RoutableEvent event) {
        return switch (spec.kind()) {
            case USER -> user(spec.id());
            case TEAM -> team(spec.id());
            case GROUP -> directory.group(spec.id())
                    .map(group -> members(group.members()))
                    .orElseGet(() -> Resolution.unresolved("'" + spec.id() + "' is not a group"));
            case REF -> read(spec, event).map(this::user).orElseGet(() -> missing(spec));
            case MANAGER_OF -> related(spec, event, User::manager, "manager");
            case ALTERNATE_OF -> related(spec, event, User::alternate, "alternate");
            case TEAM_REF -> read(spec, event).map(this::team).orElseGet(() -> missing(spec));
        };
    }

    private Optional<String> read(RecipientSpec spec, RoutableEvent event) {
        return spec.path().text(event);
    }

    private Resolution user(String userId) {
        return directory.user(userId)
                .map(user -> Resolution.of(List.of(user)))
                .orElseGet(() -> Resolution.unresolved("'" + userId + "' is not a user"));
    }

    private Resolution team(String teamId) {
        return directory.team(teamId)
                .map(team -> members(team.members()))
                .orElseGet(() -> Resolution.unresolved("'" + teamId + "' is not a team"));
    }

    private Resolution related(RecipientSpec spec, RoutableEvent event, Function<User, String> relation,
            String relationName) {
        Optional<String> userId = read(spec, event);
        if (userId.isEmpty()) {
            return missing(spec);
        }
        Optional<User> user = directory.user(userId.get());
        if (user.isEmpty()) {
            return Resolution.unresolved("'" + userId.get() + "' is not a user");
        }
        String relatedId = relation.apply(user.get());
        if (relatedId == null) {
            return Resolution.unresolved("user '" + userId.get() + "' has no " + relationName);
        }
        return user(relatedId);
    }

    private Resolution members(List<String> ids) {
        return Resolution.of(ids.stream().map(directory::user).flatMap(Optional::stream).toList());
    }

    private static Resolution missing(RecipientSpec spec) {
        return Resolution.unresolved("the event has no " + spec.path());
    }
}
