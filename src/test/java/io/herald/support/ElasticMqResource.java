package io.herald.support;

import io.herald.wiring.FunctionsManifestLoader;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * ElasticMQ for a Quarkus test: points Herald's SQS client at it and creates every queue of
 * {@code functions.yaml} as {@code herald-<name>}, with its dead-letter queue, as Terraform does in the cloud.
 */
public class ElasticMqResource implements QuarkusTestResourceLifecycleManager {

    /** Visibility timeout of the created queues. */
    public static final int VISIBILITY_TIMEOUT_SECONDS = 5;

    private static final ElasticMq SQS = new ElasticMq();

    @Override
    public Map<String, String> start() {
        SQS.start();
        FunctionsManifestLoader.load().queues().forEach((name, spec) ->
                SQS.createQueueWithDlq("herald-" + name, VISIBILITY_TIMEOUT_SECONDS, spec.maxReceiveCount()));
        return Map.of(
                "quarkus.sqs.endpoint-override", SQS.endpoint().toString(),
                "quarkus.sqs.aws.region", ElasticMq.REGION,
                "quarkus.sqs.aws.credentials.type", "static",
                "quarkus.sqs.aws.credentials.static-provider.access-key-id", ElasticMq.ACCESS_KEY,
                "quarkus.sqs.aws.credentials.static-provider.secret-access-key", ElasticMq.SECRET_KEY);
    }

    @Override
    public void stop() {
        SQS.stop();
    }

    /** A client of the running ElasticMQ. */
    public static software.amazon.awssdk.services.sqs.SqsClient client() {
        return SQS.client();
    }
}
