package io.herald.notifier.opentext;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The HTTP Basic {@code Authorization} value for a client id and secret. */
final class BasicCredentials {

    private BasicCredentials() {
    }

    static String header(String clientId, String clientSecret) {
        String pair = clientId + ":" + clientSecret;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
