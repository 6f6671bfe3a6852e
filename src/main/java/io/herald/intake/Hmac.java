package io.herald.intake;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over a timestamp and a body, as senders compute it. */
public final class Hmac {

    private Hmac() {
    }

    public static byte[] sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The header value a sender puts in {@link SignedRequest#SIGNATURE}. */
    public static String signatureHeader(String secret, String timestamp, byte[] body) {
        return SignedRequest.SCHEME + HexFormat.of().formatHex(sign(secret, timestamp, body));
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
