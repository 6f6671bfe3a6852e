package io.herald.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Where one member of an announcement page stands: the page's own status until the page is sent, then what the
 * provider reports about the delivery to that member.
 */
public enum MemberState {
    /** The page is waiting to be sent. */
    PENDING,
    /** The page is being sent. */
    SENDING,
    /** The page was accepted by the provider; its delivery to this member is not reported yet. */
    SENT,
    /** The provider reports the message delivered to this member. */
    DELIVERED,
    /** The provider reports the delivery to this member failed or was cancelled. */
    FAILED,
    /** The page was given up; nothing reached this member. */
    DEAD,
    /** The page was not sent: the announcement expired first. */
    EXPIRED,
    /** The page was not sent: the announcement was withdrawn first. */
    WITHDRAWN;

    /** Whether nothing the provider reports later changes this state. */
    public boolean isFinal() {
        return this != PENDING && this != SENDING && this != SENT;
    }

    /** How the state is written in answers and accepted in queries. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state of a member whose page just reached {@code status}. */
    public static MemberState of(AnnouncementPageStatus status) {
        return valueOf(status.name());
    }

    /** @return the state written {@code text} (in any case), or empty if there is none */
    public static Optional<MemberState> named(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (MemberState state : values()) {
            if (state.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
