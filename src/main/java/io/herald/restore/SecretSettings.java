package io.herald.restore;

import io.herald.config.ssm.SsmSecretsRefresh;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The configuration mappings that hold secrets, as the secrets are now. Quarkus builds every mapping once, when
 * the application starts; a process restored from a SnapStart snapshot may meet secrets changed since, so after
 * {@link #refresh} the mappings handed out are built anew from the same sources.
 *
 * <p>What callers may rely on: {@link #mapping} answers with Quarkus' own mapping until a refresh finds a changed
 * secret, then with one built from the configuration as it is after that refresh (the same one until the next
 * refresh that finds a change); a bean marked
 * {@link HoldsSecrets} that takes its mappings from here when it is made holds the current secrets.
 */
@ApplicationScoped
public class SecretSettings {

    /** Mappings built since the last refresh that changed a secret, by interface; cleared by the next such one. */
    private final Map<Class<?>, Object> rebuilt = new ConcurrentHashMap<>();
    private volatile boolean changedSinceStart;

    /** The mapping of {@code type} (a {@code @ConfigMapping} interface) with the secrets as they are now. */
    public <T> T mapping(Class<T> type) {
        if (!changedSinceStart) {
            return global().getConfigMapping(type);
        }
        // a bean may be made for the first time long after the restore: its mapping is built when it is asked for
        return type.cast(rebuilt.computeIfAbsent(type, SecretSettings::rebuild));
    }

    /**
     * Reads the secrets from where they came from (SSM Parameter Store) again; when any changed, the mappings
     * handed out from now on hold the new values.
     *
     * @return the variables whose value changed, never a value
     * @throws IllegalStateException when a secret cannot be read; nothing changes then
     */
    public Set<String> refresh() {
        Set<String> changed = SsmSecretsRefresh.reread(global());
        if (!changed.isEmpty()) {
            rebuilt.clear();
            changedSinceStart = true;
        }
        return changed;
    }

    /** The mapping of {@code type} over the sources and profiles of the application's configuration as they are. */
    private static Object rebuild(Class<?> type) {
        SmallRyeConfig global = global();
        List<ConfigSource> sources = new ArrayList<>();
        global.getConfigSources().forEach(sources::add);
        return new SmallRyeConfigBuilder().withSources(sources).withProfiles(global.getProfiles())
                .addDefaultInterceptors().addDiscoveredConverters().withValidateUnknown(false).withMapping(type)
                .build().getConfigMapping(type);
    }

    private static SmallRyeConfig global() {
        return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
    }
}
