package io.herald.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Derives the ids of groups and of what they count from what makes them unique, as {@link NotificationIds} does. */
public final class GroupIds {

    private GroupIds() {
    }

    /** The group of a rule's events with the same key values, for one person on one channel. */
    public static String of(String rule, List<String> keyValues, String recipient, Channel channel) {
        StringBuilder identity = new StringBuilder(rule).append('\u0000');
        for (String value : keyValues) {
            // the length first, so that values holding the separator cannot run into each other
            identity.append(value.length()).append(':').append(value).append('\u0000');
        }
        identity.append(recipient).append('\u0000').append(channel.id());
        return uuid(identity.toString());
    }

    /** The throttling window of a rule's notifications to one person on one channel. */
    public static String throttle(String rule, String recipient, Channel channel) {
        return uuid("throttle\u0000" + rule + '\u0000' + recipient + '\u0000' + channel.id());
    }

    /** A short, fixed-size stand-in for an event's (source, id), kept by the group that counted it last. */
    public static String event(EventKey event) {
        return uuid(event.source() + '\u0000' + event.id());
    }

    private static String uuid(String identity) {
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
