package io.herald.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over what a request signs ({@link SignatureBase}), as senders compute it. */
public final class Hmac {

    private Hmac() {
    }

    public static byte[] sign(String secret, SignatureBase base) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(base.head());
            return mac.doFinal(base.body());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Over {@code <timestamp>.<body>}: structured and batch events, status pushes, write-backs. */
    public static byte[] sign(String secret, String timestamp, byte[] body) {
        return sign(secret, SignatureBase.ofBody(timestamp, body));
    }

    /** The header value a sender puts in {@link SignedRequest#SIGNATURE}. */
    public static String signatureHeader(String secret, SignatureBase base) {
        return SignedRequest.SCHEME + HexFormat.of().formatHex(sign(secret, base));
    }

    public static String signatureHeader(String secret, String timestamp, byte[] body) {
        return signatureHeader(secret, SignatureBase.ofBody(timestamp, body));
    }

    /**
     * The header value with one signature per secret, in the given order, comma-separated: during a rotation the
     * receiver verifies whichever of its secrets it holds.
     */
    public static String signatureHeader(List<String> secrets, String timestamp, byte[] body) {
        return secrets.stream().map(secret -> signatureHeader(secret, timestamp, body))
                .collect(Collectors.joining(","));
    }
}
