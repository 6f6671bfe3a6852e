package io.herald.signing;


/**
 * The headers a sender signs with. The signature is HMAC-SHA256, keyed with the sender's secret, over
 * {@code <timestamp>.<raw body>}, or in CloudEvents binary mode over
 * {@code <timestamp>.<canonical headers>.<raw body>} ({@link SignatureBase}), written as
 * {@code sha256=<64 hex digits>}; up to {@link OfferedSignatures#MAX} of them, comma-separated.
 */
public final class SignedRequest {

    public static final String SENDER = "X-Herald-Sender";
    public static final String TIMESTAMP = "X-Herald-Timestamp";
    public static final String SIGNATURE = "X-Herald-Signature";
    public static final String SCHEME = "sha256=";

    private SignedRequest() {
    }
}
