package io.herald.store.dynamodb;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A dynalite for one Quarkus test application, with the client settings that point Quarkus at it. */
public class DynaliteResource implements QuarkusTestResourceLifecycleManager {

    private final Dynalite dynalite = new Dynalite();

    @Override
    public Map<String, String> start() {
        dynalite.start();
        return Map.of(
                "quarkus.dynamodb.endpoint-override", dynalite.endpoint().toString(),
                "quarkus.dynamodb.aws.region", Dynalite.REGION,
                "quarkus.dynamodb.aws.credentials.type", "static",
                "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", Dynalite.ACCESS_KEY,
                "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", Dynalite.SECRET_KEY);
    }

    @Override
    public void stop() {
        dynalite.stop();
    }
}
