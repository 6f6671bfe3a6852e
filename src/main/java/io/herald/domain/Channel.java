package io.herald.domain;

import java.util.Locale;

/** A way of reaching a person through OpenText Notifications. */
public enum Channel {
    EMAIL, SMS, INAPP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel of(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
