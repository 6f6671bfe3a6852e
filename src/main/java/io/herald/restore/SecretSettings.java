package io.herald.restore;

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
 * {@link #secretsChanged} the mappings handed out are built anew from the same sources.
 *
 * <p>What callers may rely on: {@link #mapping} answers with Quarkus' own mapping until {@link #secretsChanged},
 * then with one built from the configuration as it is then (the same one until the next call of
 * {@link #secretsChanged}); a bean marked
 * {@link HoldsSecrets} that takes its mappings from here when it is made holds the current secrets.
 */
@ApplicationScoped
public class SecretSettings {

    /** Mappings built since the secrets last changed, by interface; cleared when they change again. */
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
     * Says that the configuration now answers with other secrets than when the application started (the restore
     * hook has read them again): the mappings handed out from now on are built from it.
     */
    public void secretsChanged() {
        rebuilt.clear();
        changedSinceStart = true;
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
