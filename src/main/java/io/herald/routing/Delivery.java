package io.herald.routing;

import io.herald.domain.Channel;
import io.herald.domain.Priority;

/**
 * One notification to send: a person on a channel, with the rule that chose it.
 *
 * @param rule name of the rule that won for this person and channel
 * @param template name of the message template
 * @param userId directory user id of the recipient
 * @param address e-mail address for {@link Channel#EMAIL}, E.164 phone number for {@link Channel#SMS}, the user id
 *        for {@link Channel#INAPP}
 * @param locale the recipient's BCP 47 language tag
 * @param timeZone the recipient's IANA time zone
 * @param group the group the event joins instead of being sent on its own; null to send it on its own
 * @param throttle the limit of the rule's notifications to the person on the channel; null when unlimited
 */
public record Delivery(String rule, String template, Priority priority, String userId, Channel channel,
        String address, String locale, String timeZone, GroupPlan group, ThrottleSpec throttle) {

    /** A delivery sent on its own, without limit. */
    public Delivery(String rule, String template, Priority priority, String userId, Channel channel,
            String address, String locale, String timeZone) {
        this(rule, template, priority, userId, channel, address, locale, timeZone, null, null);
    }

    /** A delivery that joins {@code group}. */
    public Delivery(String rule, String template, Priority priority, String userId, Channel channel,
            String address, String locale, String timeZone, GroupPlan group) {
        this(rule, template, priority, userId, channel, address, locale, timeZone, group, null);
    }
}
