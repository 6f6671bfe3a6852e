package io.herald.notifier.opentext.wire;

import io.herald.notifier.OutboundMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Body of the AppWorks Gateway's {@code POST /deployments/notifications/{appName}/push}. */
public record PushNotification(
        List<String> users,
        List<String> otdsGroups,
        String title,
        String summary,
        Map<String, String> data) {

    /**
     * One in-app notification to the message's users. {@code data} carries Herald's references so the app can correlate and
     * de-duplicate: the gateway has no idempotency key of its own.
     */
    public static PushNotification of(OutboundMessage message) {
        Map<String, String> data = new LinkedHashMap<>();
        putIfPresent(data, "ref", message.recipientRef());
        putIfPresent(data, "submitId", message.submitId());
        putIfPresent(data, "customerReference", message.customerReference());
        if (message.priority() != null) {
            data.put("priority", message.priority().id());
        }
        return new PushNotification(
                message.destinations().stream().map(OutboundMessage.Destination::address).toList(),
                List.of(),
                message.subject(),
                message.text(),
                data);
    }

    private static void putIfPresent(Map<String, String> data, String key, String value) {
        if (value != null) {
            data.put(key, value);
        }
    }
}
