package io.herald.writeback;

/**
 * One attempt's request, signed: the exact bytes that go on the wire and the headers that vouch for them.
 *
 * @param idempotencyKey the write-back id, the same on every attempt
 * @param timestamp Unix seconds of this attempt, also covered by the signature
 * @param signature {@code sha256=<hex>}, the value of {@code X-Herald-Signature}
 */
public record SignedWriteBack(String idempotencyKey, String timestamp, String signature, byte[] body) {
}
