package io.herald.writeback;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of a writeback queue message: the id of a stored write-back to deliver. */
public record WriteBackMessage(@JsonProperty("writeBack") String writeBack) {

    public static final String QUEUE = "writeback";
}
