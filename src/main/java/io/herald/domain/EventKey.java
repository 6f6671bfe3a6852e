package io.herald.domain;

/** What makes an event unique: CloudEvents says (source, id) identifies an occurrence. */
public record EventKey(String source, String id) {

    @Override
    public String toString() {
        return source + "#" + id;
    }
}
