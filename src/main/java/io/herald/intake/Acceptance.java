package io.herald.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.herald.announce.Announcements.Announced;
import io.herald.domain.Notification;
import io.herald.domain.StoredEvent;
import java.util.List;

/**
 * Intake's answer for one event: stored (or recognised as a duplicate) and what it was routed to.
 *
 * @param unresolved recipients a matching rule named but that could not be reached, or null
 * @param announcements the announcements the event published or withdrew, or null when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Acceptance(String source, String id, String type, boolean duplicate, String status,
        List<String> rules, List<Routed> notifications, List<String> unresolved, List<Announced> announcements) {

    /** One notification the event produced. */
    public record Routed(String id, String recipient, String channel, String status) {

        static Routed of(Notification notification) {
            return new Routed(notification.id(), notification.recipient(), notification.channel().id(),
                    notification.status().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    static Acceptance of(StoredEvent event, boolean duplicate, List<Notification> notifications,
            List<String> unresolved) {
        return of(event, duplicate, notifications, unresolved, List.of());
    }

    static Acceptance of(StoredEvent event, boolean duplicate, List<Notification> notifications,
            List<String> unresolved, List<Announced> announcements) {
        return new Acceptance(event.source(), event.id(), event.type(), duplicate,
                event.status().name().toLowerCase(java.util.Locale.ROOT), event.matchedRules(),
                notifications.stream().map(Routed::of).toList(),
                unresolved == null || unresolved.isEmpty() ? null : unresolved,
                announcements.isEmpty() ? null : announcements);
    }
}
