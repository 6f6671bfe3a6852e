package io.herald.routing;

import io.herald.events.EventPath;
import java.util.Arrays;
import java.util.Optional;

/**
 * One entry of a rule's {@code recipients}: a fixed user, team or group, or a reference read from the event.
 *
 * @param id the user, team or group id for the fixed kinds, else null
 * @param path where the event names the user or team for the reference kinds, else null
 */
record RecipientSpec(Kind kind, String id, EventPath path) {

    enum Kind {
        /** A user by id. */
        USER("user"),
        /** The members of a team. */
        TEAM("team"),
        /** The members of a group. */
        GROUP("group"),
        /** The user whose id the event holds at a path. */
        REF("ref"),
        /** The manager of the user the event names. */
        MANAGER_OF("managerOf"),
        /** The alternate (stand-in) of the user the event names. */
        ALTERNATE_OF("alternateOf"),
        /** The members of the team whose id the event holds at a path. */
        TEAM_REF("teamRef");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The YAML key of this kind. */
        String key() {
            return key;
        }

        boolean readsEvent() {
            return this != USER && this != TEAM && this != GROUP;
        }

        static Optional<Kind> ofKey(String key) {
            return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
        }
    }

    @Override
    public String toString() {
        return kind.key() + ": " + (path != null ? path : id);
    }
}
