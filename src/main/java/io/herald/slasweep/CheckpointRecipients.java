package io.herald.slasweep;

import io.herald.directory.Directory;
import io.herald.directory.Group;
import io.herald.directory.Team;
import io.herald.directory.User;
import io.herald.sla.Checkpoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a checkpoint's {@code to} list into directory users, at the moment it fires: managers and alternates
 * are those of the task's owners (its first assignees) as the directory names them now.
 */
@ApplicationScoped
public class CheckpointRecipients {

    private final Directory directory;

    public CheckpointRecipients(Directory directory) {
        this.directory = directory;
    }

    /** @return user ids in order, each once; entries that name nobody are left out */
    public List<String> resolve(List<String> to, List<String> owners) {
        Set<String> users = new LinkedHashSet<>();
        for (String entry : to) {
            int colon = entry.indexOf(':');
            String kind = colon < 0 ? entry : entry.substring(0, colon);
            String id = colon < 0 ? null : entry.substring(colon + 1);
            switch (kind) {
                case Checkpoint.ASSIGNEES -> users.addAll(owners);
                case "managers" -> users.addAll(related(owners, User::manager));
                case "alternates" -> users.addAll(related(owners, User::alternate));
                case "user" -> directory.user(id).ifPresent(user -> users.add(user.id()));
                case "team" -> users.addAll(directory.team(id).map(Team::members).orElse(List.of()));
                case "group" -> users.addAll(directory.group(id).map(Group::members).orElse(List.of()));
                default -> throw new IllegalArgumentException("unknown escalation recipient '" + entry + "'");
            }
        }
        return List.copyOf(users);
    }

    private List<String> related(List<String> owners, Function<User, String> relation) {
        List<String> related = new ArrayList<>();
        for (String owner : owners) {
            Optional.ofNullable(directory.user(owner).map(relation).orElse(null))
                    .flatMap(directory::user)
                    .ifPresent(user -> related.add(user.id()));
        }
        return related;
    }
}
