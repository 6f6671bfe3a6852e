package io.herald.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Derives a notification's id from what makes it unique, so that routing the same event twice yields the same
 * ids, and the provider sees the same idempotency key on every attempt.
 */
public final class NotificationIds {

    private NotificationIds() {
    }

    public static String of(EventKey event, String recipient, Channel channel) {
        String identity = event.source() + '\u0000' + event.id() + '\u0000' + recipient + '\u0000' + channel.id();
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
