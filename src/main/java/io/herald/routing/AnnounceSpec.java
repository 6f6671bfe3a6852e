package io.herald.routing;

import io.herald.events.EventPath;
import java.util.List;
import java.util.Map;

/**
 * A rule's {@code announce} block: the rule's events become announcements to an audience, sent in pages.
 *
 * @param audience who hears it; each person once, whatever the number of entries naming them
 * @param key where the event holds the announcement's id within its source; null for the event's subject, else
 *        its id
 * @param sendAt where the event holds when to send it (RFC 3339); null to send at once
 * @param expiresAt where the event holds when it no longer applies (RFC 3339); null when it does not expire
 * @param withdrawnBy the event type that withdraws the announcement with the same key; null when none does
 * @param pageSize how many people one submission addresses at most
 */
record AnnounceSpec(List<Audience> audience, EventPath key, EventPath sendAt, EventPath expiresAt,
        String withdrawnBy, int pageSize) {

    /** The default of {@link #pageSize}. */
    static final int DEFAULT_PAGE_SIZE = 100;
    /** The largest {@link #pageSize}: a submission of more destinations is unwieldy for the provider. */
    static final int MAX_PAGE_SIZE = 1000;

    AnnounceSpec {
        audience = List.copyOf(audience);
    }

    /**
     * One entry of the audience: the people a recipient entry names, narrowed to those with every attribute of
     * {@code where}; or, without a recipient entry, every directory user with those attributes.
     *
     * @param who a user, team, group or team reference; null for the whole directory
     * @param where attribute values each person must have; empty when not narrowed
     */
    record Audience(RecipientSpec who, Map<String, String> where) {

        Audience {
            where = Map.copyOf(where);
        }

        @Override
        public String toString() {
            return (who == null ? "where" : who + (where.isEmpty() ? "" : " where")) + (where.isEmpty() ? "" : " "
                    + where);
        }
    }
}
