package io.herald.wiring;

import io.herald.clock.RestoreSafeRandom;
import io.herald.config.ssm.SecretsSinceStartup;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * What a process restored from a SnapStart snapshot must do before it serves: every execution environment of a
 * published version starts from the one snapshot, so each must draw its own random numbers, and none may serve
 * with a secret that was overwritten since the snapshot.
 *
 * <p>Connections need no hook: starting opens none but the one to SSM, whose client is closed after the read;
 * the store's, queues' and outside systems' clients connect on first use, and a connection left over from before
 * the snapshot fails on that use and the AWS SDK's retry opens a new one.
 */
@ApplicationScoped
public class SnapStartRestore implements Resource {

    private static final Logger LOG = Logger.getLogger(SnapStartRestore.class);
    /** How Lambda tells a function's init it is being snapshotted. */
    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

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
        restored(ConfigProvider.getConfig());
    }

    /** @throws IllegalStateException when a secret's parameter holds another value than this process has */
    void restored(Config config) {
        RestoreSafeRandom.reseed();
        Set<String> changed = SecretsSinceStartup.changed(config);
        if (!changed.isEmpty()) {
            // Refusing to run makes Lambda report the restore as failed (the Errors alarm fires) until a version is
            // published, whose snapshot holds the new values: any terraform apply that changes the functions, or
            // aws lambda publish-version and moving the alias live to it.
            throw new IllegalStateException("The SSM parameters of " + String.join(", ", changed)
                    + " hold other values than when this version was published; publish a new version");
        }
        LOG.debug("restored from a SnapStart snapshot: random numbers reseeded, secrets unchanged");
    }
}
