package io.herald.config.ssm;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Reads the SSM parameters this process took its secrets from at start-up once more, and offers their values now.
 * A process restored from a SnapStart snapshot carries the values of the moment the snapshot was taken, which may
 * be long ago; a parameter overwritten since (a rotated or revoked secret) must not be served on with the old value.
 */
public final class SsmSecretsRefresh {

    private SsmSecretsRefresh() {
    }

    /**
     * Reads the parameters again, in as few calls as at start-up, and makes the configuration answer with their
     * current values. Beans that copied a secret when they were made still hold the old one: the caller rebuilds
     * them.
     *
     * @return the variables (e.g. {@code HERALD_XCONNECTOR_SECRET}) whose parameter now holds another value than
     *         before; empty when this process has no secrets from SSM
     * @throws IllegalStateException when a parameter cannot be read, as at start-up; the values are then unchanged
     */
    public static Set<String> reread(Config config) {
        Optional<SsmSecretsConfigSource> atStartup = ssmSource(config);
        if (atStartup.isEmpty()) {
            return Set.of();
        }
        Map<String, String> parameters = SsmSecretsConfigSourceFactory.parameterNames(
                config.getPropertyNames().iterator(), name -> setting(config, name));
        Map<String, String> now;
        try (SsmClient ssm = SsmSecretsConfigSourceFactory.client(name -> setting(config, name))) {
            now = new SsmParameterReader(ssm).read(parameters);
        }
        Set<String> changed = new TreeSet<>();
        now.forEach((variable, value) -> {
            if (!value.equals(atStartup.get().getValue(variable))) {
                changed.add(variable);
            }
        });
        atStartup.get().replace(now);
        return changed;
    }

    private static Optional<SsmSecretsConfigSource> ssmSource(Config config) {
        for (ConfigSource source : config.getConfigSources()) {
            if (source instanceof SsmSecretsConfigSource ssm) {
                return Optional.of(ssm);
            }
        }
        return Optional.empty();
    }

    private static String setting(Config config, String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(value -> !value.isEmpty())
                .orElse(null);
    }
}
