package io.herald.routing;

import java.net.URI;

/**
 * Which events a rule looks at, before its condition: exactly one of {@code type} and {@code typePrefix}, and at
 * most one of {@code source} and {@code sourcePrefix}.
 */
record EventMatch(String type, String typePrefix, String source, String sourcePrefix) {

    boolean matchesType(String eventType) {
        return eventType != null && (type != null ? type.equals(eventType) : eventType.startsWith(typePrefix));
    }

    boolean matchesSource(URI eventSource) {
        if (source == null && sourcePrefix == null) {
            return true;
        }
        if (eventSource == null) {
            return false;
        }
        String text = eventSource.toString();
        return source != null ? source.equals(text) : text.startsWith(sourcePrefix);
    }
}
