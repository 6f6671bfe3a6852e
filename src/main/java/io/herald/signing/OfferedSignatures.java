package io.herald.signing;

import io.herald.http.ProblemException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The signatures a request offers in {@code X-Herald-Signature}. Their number is bounded (two cover a secret
 * rotation) and each must be well formed, so that no request can make Herald do work per signature it offers.
 */
public final class OfferedSignatures {

    public static final int MAX = 5;
    private static final int HEX_DIGITS = 64;

    private final List<byte[]> digests;

    private OfferedSignatures(List<byte[]> digests) {
        this.digests = digests;
    }

    /**
     * Entries other than {@code sha256=} with 64 hex digits are ignored.
     *
     * @throws ProblemException 401 when more than {@link #MAX} are offered
     */
    public static OfferedSignatures parse(String header) {
        int entries = 1;
        for (int i = 0; i < header.length(); i++) {
            if (header.charAt(i) == ',' && ++entries > MAX) {
                throw new ProblemException(401, "Unauthorized", SignedRequest.SIGNATURE + " holds more than " + MAX
                        + " signatures; send one per secret");
            }
        }
        List<byte[]> digests = new ArrayList<>(entries);
        for (String entry : header.split(",")) {
            String offered = SignatureBase.trim(entry);
            if (wellFormed(offered)) {
                digests.add(HexFormat.of().parseHex(offered, SignedRequest.SCHEME.length(), offered.length()));
            }
        }
        return new OfferedSignatures(digests);
    }

    public boolean isEmpty() {
        return digests.isEmpty();
    }

    /** Compares with every offered signature, in constant time each, so timing says nothing about which. */
    public boolean contains(byte[] expected) {
        boolean match = false;
        for (byte[] digest : digests) {
            match |= MessageDigest.isEqual(expected, digest);
        }
        return match;
    }

    private static boolean wellFormed(String offered) {
        if (offered.length() != SignedRequest.SCHEME.length() + HEX_DIGITS
                || !offered.startsWith(SignedRequest.SCHEME)) {
            return false;
        }
        for (int i = SignedRequest.SCHEME.length(); i < offered.length(); i++) {
            if (Character.digit(offered.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
