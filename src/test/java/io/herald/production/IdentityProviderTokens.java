package io.herald.production;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Access tokens as an OpenID Connect provider issues them: RS256-signed JWTs, made here by hand so that what
 * Herald accepts is checked against the JWT format, not against Herald's own code.
 */
final class IdentityProviderTokens {

    static final String ISSUER = "https://idp.example.com/realms/ops";

    private final KeyPair keys;

    IdentityProviderTokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The provider's public key as {@code quarkus.oidc.public-key} takes it (base64 X.509). */
    String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    String token(String user, List<String> groups, Instant expires) {
        String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = encode("{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + user + "\",\"upn\":\"" + user + "\","
                + "\"iat\":" + Instant.now().minusSeconds(60).getEpochSecond() + ","
                + "\"exp\":" + expires.getEpochSecond() + ","
                + "\"groups\":[" + groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(",")) + "]}");
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
