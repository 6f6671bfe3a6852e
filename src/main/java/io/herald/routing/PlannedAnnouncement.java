package io.herald.routing;

import io.herald.directory.User;
import io.herald.domain.Channel;
import io.herald.domain.Priority;
import java.time.Instant;
import java.util.List;

/**
 * An announcement a rule publishes for one event.
 *
 * @param key the announcement's id within the event's source
 * @param members everyone it addresses, each once, in id order
 * @param sendAt when it is to go out; null for at once
 * @param expiresAt when it no longer applies; null when it does not expire
 * @param pageSize how many people one page addresses at most
 */
public record PlannedAnnouncement(String rule, String key, String template, Priority priority, List<Channel> channels,
        List<User> members, Instant sendAt, Instant expiresAt, int pageSize) {

    public PlannedAnnouncement {
        channels = List.copyOf(channels);
        members = List.copyOf(members);
    }
}
