package io.herald.notifier;

/** The provider accepted a message. {@code jobId} identifies it for status queries. */
public record SubmitReceipt(String jobId) {
}
