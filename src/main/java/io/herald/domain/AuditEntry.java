package io.herald.domain;

import java.time.Instant;

/**
 * One step in the life of an event, written once and never changed.
 *
 * @param step what happened: received, routed, unrouted, notified, sent, delivered, failed, dead, alerted...
 * @param actor who did it: "herald", a sender id, a user id
 * @param detail a short human-readable detail; never a secret
 */
public record AuditEntry(String id, String eventSource, String eventId, Instant at, String step, String actor,
        String detail) {
}
