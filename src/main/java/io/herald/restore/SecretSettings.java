package io.herald.restore;

import io.herald.config.ssm.SsmSecretsRefresh;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
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
 * secret, then with one built from the configuration as it is after that refresh; a bean marked
 * {@link HoldsSecrets} that takes its mappings from here when it is made holds the current secrets.
 */
@ApplicationScoped
public class SecretSettings {

    private final Set<Class<?>> asked = ConcurrentHashMap.newKeySet();
    private volatile SmallRyeConfig rebuilt;

    /** The mapping of {@code type} (a {@code @ConfigMapping} interface) with the secrets as they are now. */
    public <T> T mapping(Class<T> type) {
        asked.add(type);
        SmallRyeConfig config = rebuilt;
        if (config == null) {
            return global().getConfigMapping(type);
        }
        return config.getConfigMapping(type);
    }

    /**
     * Reads the secrets from where they came from (SSM Parameter Store) again; when any changed, the mappings
     * handed out from now on hold the new values.
     *
     * @return the variables whose value changed, never a value
     * @throws IllegalStateException when a secret cannot be read; nothing changes then
     */
    public Set<String> refresh() {
        SmallRyeConfig global = global();
        Set<String> changed = SsmSecretsRefresh.reread(global);
        if (!changed.isEmpty()) {
            rebuilt = rebuild(global);
        }
        return changed;
    }

    /** A configuration over the same sources and profiles, mapping the interfaces asked for so far. */
    private SmallRyeConfig rebuild(SmallRyeConfig global) {
        List<ConfigSource> sources = new ArrayList<>();
        global.getConfigSources().forEach(sources::add);
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withSources(sources)
                .withProfiles(global.getProfiles()).addDefaultInterceptors().addDiscoveredConverters()
                .withValidateUnknown(false);
        asked.forEach(builder::withMapping);
        return builder.build();
    }

    private static SmallRyeConfig global() {
        return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
    }
}
