package io.herald.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One person a page of an announcement addresses.
 *
 * @param user directory user id
 * @param address where the page's channel reaches the person: e-mail address, phone number or in-app user id
 * @param state the person's delivery state as Herald knows it: the name of a {@link MemberState}, which follows the
 *        page's status until the page is sent and the provider's reports after
 * @param reason what the provider last reported about the delivery to this person (its state word and, for a
 *        failure, its code); null before any report
 * @param updatedAt when a report last changed this person's state or reason, to the microsecond; null before any
 */
public record PageMember(String user, String address, String state, String reason, Instant updatedAt) {

    /** The longest reason kept: a provider's word and code, never its whole answer. */
    public static final int MAX_REASON = 200;

    public PageMember {
        if (reason != null && reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON);
        }
        // Stores keep instants to the microsecond; truncated here, a member reads back equal to the one written.
        updatedAt = updatedAt == null ? null : updatedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** A member no report has reached yet. */
    public PageMember(String user, String address, String state) {
        this(user, address, state, null, null);
    }

    /** The state as a value; a state no longer known reads as {@link MemberState#SENT}, awaiting a report. */
    public MemberState memberState() {
        return MemberState.named(state).orElse(MemberState.SENT);
    }

    PageMember in(AnnouncementPageStatus status) {
        return new PageMember(user, address, MemberState.of(status).name(), reason, updatedAt);
    }

    /** This member with the provider's report applied. */
    public PageMember reported(MemberState newState, String newReason, Instant now) {
        return new PageMember(user, address, newState.name(), newReason, now);
    }
}
