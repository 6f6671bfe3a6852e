package io.herald.directory;

import io.herald.domain.Channel;

/**
 * A person Herald can notify.
 *
 * @param locale BCP 47 language tag, e.g. {@code en} or {@code de-CH}
 * @param timeZone IANA zone id, e.g. {@code Europe/Berlin}
 * @param manager user id of the manager, or null
 * @param alternate user id of the stand-in, or null
 */
public record User(String id, String name, String email, String phone, String locale, String timeZone,
        String manager, String alternate) {

    /** Where a channel reaches this user: e-mail address, phone number, or the user id for in-app; null if none. */
    public String address(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> phone;
            case INAPP -> id;
        };
    }
}
