package io.herald.directory;

import io.herald.domain.Channel;
import java.util.Map;

/**
 * A person Herald can notify.
 *
 * @param locale BCP 47 language tag, e.g. {@code en} or {@code de-CH}
 * @param timeZone IANA zone id, e.g. {@code Europe/Berlin}
 * @param manager user id of the manager, or null
 * @param alternate user id of the stand-in, or null
 * @param attributes what announcements choose their audience by, such as {@code region} or {@code department}
 */
public record User(String id, String name, String email, String phone, String locale, String timeZone,
        String manager, String alternate, Map<String, String> attributes) {

    public User {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A user without attributes. */
    public User(String id, String name, String email, String phone, String locale, String timeZone, String manager,
            String alternate) {
        this(id, name, email, phone, locale, timeZone, manager, alternate, Map.of());
    }

    /** Whether the user has every attribute of {@code where} with that value (an empty {@code where}: yes). */
    public boolean matches(Map<String, String> where) {
        return where.entrySet().stream().allMatch(wanted -> wanted.getValue().equals(attributes.get(wanted.getKey())));
    }

    /** Where a channel reaches this user: e-mail address, phone number, or the user id for in-app; null if none. */
    public String address(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> phone;
            case INAPP -> id;
        };
    }
}
