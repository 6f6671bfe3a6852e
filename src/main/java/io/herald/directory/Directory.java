package io.herald.directory;

import java.util.List;
import java.util.Optional;

/** Who is who. Lookups are in memory and never call out, so routing stays fast. */
public interface Directory {

    Optional<User> user(String id);

    Optional<Team> team(String id);

    Optional<Group> group(String id);

    /** Every user, in id order; announcements choose audiences from it by attributes. */
    List<User> users();
}
