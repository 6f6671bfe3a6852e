package io.herald.wiring;

import io.herald.clock.RestoreSafeRandom;
import io.herald.config.ssm.SsmSecretsRefresh;
import io.herald.restore.SecretSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * What a process restored from a SnapStart snapshot must do before it serves: every execution environment of a
 * published version starts from the one snapshot, taken when the version was published, so each must draw its own
 * random numbers, serve with the secrets as they are now, and connect afresh.
 *
 * <p>Secrets are read again from SSM Parameter Store and the beans holding them ({@code @HoldsSecrets}) rebuilt,
 * as are the beans holding HTTP clients ({@code @HoldsConnections}). The store's and queues' AWS SDK clients keep
 * their pools: a connection left over from before the snapshot fails on first use and the SDK's retry opens a new
 * one. A secret that cannot be read fails the restore, as it fails a start: Lambda reports the error and starts
 * another environment.
 */
@ApplicationScoped
public class SnapStartRestore implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartRestore.class);
    /** How Lambda tells a function's init it is being snapshotted. */
    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    private final SecretSettings secrets;

    SnapStartRestore(SecretSettings secrets) {
        this.secrets = secrets;
    }

    void register(@Observes StartupEvent started) {
        if ("snap-start".equals(System.getenv(INITIALIZATION_TYPE))) {
            // A context may hold its resources weakly; this bean, an application-scoped one, stays reachable.
            Core.getGlobalContext().register(this);
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // nothing to release: the snapshot is taken after start-up, before any request
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        restored();
    }

    /**
     * Reseeds, re-reads the secrets and rebuilds the beans holding secrets or connections.
     *
     * @throws IllegalStateException when a secret cannot be read
     */
    void restored() {
        RestoreSafeRandom.reseed();
        Set<String> changed = SsmSecretsRefresh.reread(ConfigProvider.getConfig());
        if (!changed.isEmpty()) {
            secrets.secretsChanged();
        }
        Set<String> rebuilt = RestoredBeans.discard();
        // names of settings only, never values
        LOG.infof("restored from a SnapStart snapshot: random numbers reseeded, secrets changed since: %s,"
                + " %d beans rebuilt", changed.isEmpty() ? "none" : String.join(", ", changed), rebuilt.size());
    }
}
