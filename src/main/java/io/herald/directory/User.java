package io.herald.directory;

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
}
