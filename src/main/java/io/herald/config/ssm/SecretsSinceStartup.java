package io.herald.config.ssm;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Whether the SSM parameters this process read its secrets from when it started still hold those values. A process
 * restored from a SnapStart snapshot carries the values of the moment the snapshot was taken, which may be long
 * ago; a parameter overwritten since (a revoked secret, say) must not be served on with the old value.
 */
public final class SecretsSinceStartup {

    private SecretsSinceStartup() {
    }

    /**
     * Reads the parameters again, in as few calls as at start-up.
     *
     * @return the variables (e.g. {@code HERALD_XCONNECTOR_SECRET}) whose parameter now holds another value than
     *         this process has; empty when it has no secrets from SSM
     * @throws IllegalStateException when a parameter cannot be read, as at start-up
     */
    public static Set<String> changed(Config config) {
        Optional<ConfigSource> atStartup = ssmSource(config);
        if (atStartup.isEmpty()) {
            return Set.of();
        }
        Map<String, String> parameters = SsmSecretsConfigSourceFactory.parameterNames(
                config.getPropertyNames().iterator(), name -> setting(config, name));
        Set<String> changed = new TreeSet<>();
        try (SsmClient ssm = SsmSecretsConfigSourceFactory.client(name -> setting(config, name))) {
            new SsmParameterReader(ssm).read(parameters).forEach((variable, value) -> {
                if (!value.equals(atStartup.get().getValue(variable))) {
                    changed.add(variable);
                }
            });
        }
        return changed;
    }

    private static Optional<ConfigSource> ssmSource(Config config) {
        for (ConfigSource source : config.getConfigSources()) {
            if (SsmSecretsConfigSource.NAME.equals(source.getName())) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    private static String setting(Config config, String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(value -> !value.isEmpty())
                .orElse(null);
    }
}
