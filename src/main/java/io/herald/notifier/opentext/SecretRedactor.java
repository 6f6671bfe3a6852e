package io.herald.notifier.opentext;

import io.herald.restore.HoldsSecrets;
import io.herald.restore.SecretSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes credentials from text that leaves the adapter (failure responses, log lines). A provider that echoes a
 * request header in an error body must not make Herald store its secret or token.
 */
@ApplicationScoped
@HoldsSecrets
class SecretRedactor {

    static final String MASK = "[redacted]";

    private final String clientSecret;
    private final String basicHeader;

    @Inject
    SecretRedactor(SecretSettings secrets) {
        this(secrets.mapping(OpenTextConfig.class));
    }

    SecretRedactor(OpenTextConfig config) {
        this(config.clientId(), config.clientSecret().orElseThrow().get());
    }

    SecretRedactor(String clientId, String clientSecret) {
        this.clientSecret = clientSecret;
        this.basicHeader = BasicCredentials.header(clientId, clientSecret);
    }

    /**
     * @param authorizationUsed the {@code Authorization} value of the call the text is about, or null
     */
    String redact(String text, String authorizationUsed) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets(authorizationUsed)) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** Longest first, so a header is masked whole before its credential part is looked for. */
    private List<String> secrets(String authorizationUsed) {
        List<String> secrets = new ArrayList<>();
        addWithCredential(secrets, authorizationUsed);
        addWithCredential(secrets, basicHeader);
        secrets.add(clientSecret);
        secrets.removeIf(secret -> secret == null || secret.isEmpty());
        secrets.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return secrets;
    }

    private static void addWithCredential(List<String> secrets, String header) {
        if (header == null) {
            return;
        }
        secrets.add(header);
        int space = header.indexOf(' ');
        if (space > 0) {
            secrets.add(header.substring(space + 1));
        }
    }
}
