package io.herald.access;

import io.herald.restore.HoldsSecrets;
import io.herald.restore.SecretSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises operators' API keys by their SHA-256. Every configured key is compared, in constant time, whatever
 * matched before, so timing tells nothing about which keys exist. The hashes may come from SSM Parameter Store (the
 * console in the cloud), so a process restored from a snapshot takes them afresh: a key removed since is refused.
 */
@ApplicationScoped
@HoldsSecrets
public class ApiKeys {

    private final Map<String, byte[]> hashes = new LinkedHashMap<>();
    private final Map<String, Access> access = new LinkedHashMap<>();

    @Inject
    public ApiKeys(SecretSettings settings) {
        this(settings.mapping(OperatorConfig.class).keys());
    }

    ApiKeys(Map<String, OperatorConfig.Key> keys) {
        keys.forEach((name, key) -> {
            hashes.put(name, parse(name, key.sha256()));
            access.put(name, key.access());
        });
    }

    /**
     * A key as configured now, by the name that says whose it is.
     *
     * @param sha256 the SHA-256 of the key, never the key itself
     */
    public record Configured(String name, byte[] sha256, Access access) {

        /** What the audit trail and the access log record for its holder. */
        public Operator operator() {
            return new Operator("key:" + name, access);
        }
    }

    /** The operator whose key this is, or empty for a key that is not (or no longer) configured. */
    public Optional<Operator> identify(String presentedKey) {
        return find(presentedKey).map(Configured::operator);
    }

    /** The configured key this is, or empty for a key that is not (or no longer) configured. */
    public Optional<Configured> find(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        String found = null;
        for (Map.Entry<String, byte[]> hash : hashes.entrySet()) {
            if (MessageDigest.isEqual(hash.getValue(), presented) && found == null) {
                found = hash.getKey();
            }
        }
        return found == null ? Optional.empty() : named(found);
    }

    /** The key configured under this name now, or empty once it is removed. */
    public Optional<Configured> named(String name) {
        byte[] hash = hashes.get(name);
        return hash == null ? Optional.empty() : Optional.of(new Configured(name, hash.clone(), access.get(name)));
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static byte[] parse(String name, String hex) {
        try {
            byte[] hash = HexFormat.of().parseHex(hex.trim());
            if (hash.length == 32) {
                return hash;
            }
        } catch (IllegalArgumentException e) {
            // reported below, without echoing the value
        }
        throw new IllegalStateException("herald.operator.keys." + name + ".sha256 must be 64 hex digits "
                + "(the SHA-256 of the key)");
    }
}
