package io.herald.domain;

import java.util.Locale;

public enum Priority {
    LOW, NORMAL, HIGH, URGENT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Priority of(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
