package io.herald.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * Derives a notification's id from what makes it unique, so that routing the same event twice yields the same
 * ids, and the provider sees the same idempotency key on every attempt.
 *
 * <p>The id is an RFC 9562 UUID of version 8 laid out as version 7 is: the event's receipt time in Unix
 * milliseconds in the first 48 bits, then the version, 12 bits of the SHA-256 hash of source, event id,
 * recipient and channel, the variant, and 62 more bits of that hash. Ids of newer events sort after older ones,
 * so a store's index on the id grows at its end instead of at a random place; the receipt time is the stored
 * event's, which every routing of the event sees alike.
 */
public final class NotificationIds {

    private static final long VERSION_8 = 0x8000L;
    private static final long VARIANT = 0x8000_0000_0000_0000L;
    private static final long LOW_62_BITS = 0x3FFF_FFFF_FFFF_FFFFL;

    private NotificationIds() {
    }

    /** @param event the event as stored: its receipt time is part of the id */
    public static String of(StoredEvent event, String recipient, Channel channel) {
        return of(event.key(), event.receivedAt(), recipient, channel);
    }

    public static String of(EventKey event, Instant receivedAt, String recipient, Channel channel) {
        String identity = event.source() + '\u0000' + event.id() + '\u0000' + recipient + '\u0000' + channel.id();
        ByteBuffer hash = ByteBuffer.wrap(sha256(identity.getBytes(StandardCharsets.UTF_8)));
        long high = receivedAt.toEpochMilli() << 16 | VERSION_8 | hash.getShort() & 0x0FFF;
        long low = hash.getLong() & LOW_62_BITS | VARIANT;
        return new UUID(high, low).toString();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
