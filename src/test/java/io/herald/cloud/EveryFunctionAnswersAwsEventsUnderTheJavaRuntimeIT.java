package io.herald.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.config.ssm.SsmStub;
import io.herald.store.dynamodb.Dynalite;
import io.herald.support.ElasticMq;
import io.herald.support.LambdaRuntimeApiStub;
import io.herald.support.LambdaRuntimeApiStub.Outcome;
import io.herald.support.ManagedJavaRuntime;
import io.herald.support.ServerEnvironment;
import io.herald.support.TemporaryTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The packaged function.zip, as the java21 deployment runs it (AWS's runtime interface client, the Quarkus stream
 * handler, QUARKUS_LAMBDA_HANDLER choosing the function), answers each function's AWS-shaped events: API Gateway
 * HTTP API (payload 2.0) requests for intake and callback, SQS batches with a poison record (dropped, not failing
 * the batch) for dispatch and writeback, and EventBridge Scheduler's event for sla-sweep. The events are the JSON
 * documents under src/test/resources/aws-events, with what only a run knows (signatures, queued messages) filled
 * in. The store is DynamoDB (dynalite) and the queues SQS (ElasticMQ), as in the cloud; the messages intake queues
 * are the ones dispatch then takes. Started as SnapStart starts it, a function restored from its snapshot serves
 * with the secret its SSM parameter holds at the restore.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EveryFunctionAnswersAwsEventsUnderTheJavaRuntimeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FIRST_ANSWER = Duration.ofMinutes(3);

    private static final Dynalite DYNAMODB = new Dynalite();
    private static final ElasticMq SQS = new ElasticMq();
    private static Path taskRoot;
    private static Map<String, String> environment;

    @BeforeAll
    static void unpackAndStartTheServices() throws Exception {
        taskRoot = ManagedJavaRuntime.unpackFunctionZip();
        DYNAMODB.start();
        SQS.start();
        SQS.client().createQueue(b -> b.queueName("herald-dispatch"));
        SQS.client().createQueue(b -> b.queueName("herald-writeback"));
        environment = new TreeMap<>(ServerEnvironment.proper());
        environment.remove("HERALD_DATA_DIR");
        // what terraform/main.tf gives every function
        environment.put("HERALD_STORE_KIND", "dynamodb");
        environment.put("HERALD_DYNAMODB_TABLE_PREFIX", "herald-");
        environment.put("HERALD_QUEUE_KIND", "sqs");
        environment.put("HERALD_QUEUE_SQS_NAME_PREFIX", "herald-");
        environment.put("HERALD_JSON_LOGS", "true");
        environment.put("HERALD_SCHEDULES_LOCAL", "false");
        environment.put("HERALD_RECOVERY_ON_START", "false");
        environment.put("QUARKUS_HTTP_HOST_ENABLED", "false");
        // dynalite and ElasticMQ in place of DynamoDB and SQS; the tables Terraform would create
        environment.put("HERALD_DYNAMODB_CREATE_TABLES", "true");
        environment.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", DYNAMODB.endpoint().toString());
        environment.put("QUARKUS_DYNAMODB_AWS_REGION", Dynalite.REGION);
        environment.put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_TYPE", "static");
        environment.put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", Dynalite.ACCESS_KEY);
        environment.put("QUARKUS_DYNAMODB_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", Dynalite.SECRET_KEY);
        environment.put("QUARKUS_SQS_ENDPOINT_OVERRIDE", SQS.endpoint().toString());
        environment.put("QUARKUS_SQS_AWS_REGION", ElasticMq.REGION);
        environment.put("QUARKUS_SQS_AWS_CREDENTIALS_TYPE", "static");
        environment.put("QUARKUS_SQS_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", ElasticMq.ACCESS_KEY);
        environment.put("QUARKUS_SQS_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", ElasticMq.SECRET_KEY);
    }

    @AfterAll
    static void stopTheServices() {
        SQS.stop();
        DYNAMODB.stop();
        TemporaryTree.delete(taskRoot);
    }

    @Test
    @Order(1)
    void intakeAcceptsASignedEventFromApiGatewayAndQueuesItsNotifications() throws Exception {
        String body = Files.readString(Path.of("samples/events/shipment-delayed.json"));
        ObjectNode event = signedEvent(body, environment.get("HERALD_XCONNECTOR_SECRET"));

        JsonNode response = answer("intake", event);

        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(response.path("body").asText());
        assertThat(accepted.path("duplicate").asBoolean()).isFalse();
        assertThat(accepted.path("notifications")).hasSize(2);
        assertThat(dispatchMessages()).hasSize(2);
    }

    @Test
    @Order(2)
    void dispatchTakesAnSqsBatchTriesItsNotificationsAndDropsItsPoisonRecordWithoutFailingTheBatch()
            throws Exception {
        ObjectNode batch = fixture("sqs-dispatch-batch-with-poison-record.json");
        ArrayNode records = (ArrayNode) batch.get("Records");
        ObjectNode shape = (ObjectNode) records.remove(0);
        JsonNode poison = records.remove(0);
        for (Message message : dispatchMessages()) {
            records.add(shape.deepCopy().put("messageId", message.messageId()).put("body", message.body()));
        }
        assertThat(records).as("the messages intake queued").isNotEmpty();
        records.add(poison);

        JsonNode response = answer("dispatch", batch);

        // a message that cannot be read would fail the same way every time: it is dropped and counted, not retried
        assertThat(failedItems(response)).isEmpty();
        // OpenText is unreachable here: each notification was tried once and waits for its retry
        List<Map<String, AttributeValue>> notifications = DYNAMODB.client()
                .scan(b -> b.tableName("herald-notifications")).items();
        assertThat(notifications).hasSize(2).allSatisfy(notification ->
                assertThat(notification.get("attempts").n()).as(notification.get("id").s()).isEqualTo("1"));
    }

    @Test
    @Order(3)
    void writebackTakesAnSqsBatchAndDropsItsPoisonRecordWithoutFailingTheBatch() throws Exception {
        JsonNode response = answer("writeback", fixture("sqs-writeback-batch-with-poison-record.json"));

        // a write-back the store does not hold is done; an unreadable message is dropped and counted
        assertThat(failedItems(response)).isEmpty();
    }

    @Test
    @Order(4)
    void callbackAnswersAnOperatorsTaskQueryApiGatewayAdmittedByIam() throws Exception {
        JsonNode response = answer("callback", fixture("apigateway-v2-http-get-tasks-iam.json"));

        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        assertThat(JSON.readTree(response.path("body").asText()).path("tasks").isArray()).as(response.toString())
                .isTrue();
    }

    @Test
    @Order(5)
    void slaSweepRunsOnEventBridgeSchedulersEvent() throws Exception {
        JsonNode response = answer("sla-sweep", fixture("eventbridge-scheduler-sla-sweep.json"));

        assertThat(response.isObject()).as(response.toString()).isTrue();
    }

    @Test
    @Order(6)
    void aFunctionRestoredFromItsSnapshotServesWithTheSecretItsParameterHoldsAtTheRestore() throws Exception {
        String atSnapshot = "xconnector-secret-when-the-version-was-published";
        String rotated = "xconnector-secret-rotated-after-the-snapshot-was-taken";
        try (SsmStub ssm = new SsmStub().with("/herald/xconnector-secret", atSnapshot)) {
            Map<String, String> env = new TreeMap<>(environment);
            env.remove("HERALD_XCONNECTOR_SECRET");
            // what terraform/lambda.tf gives a function with SnapStart, and an SSM look-alike
            env.put("HERALD_XCONNECTOR_SECRET_SSM_PARAMETER", "/herald/xconnector-secret");
            env.putAll(ssmLookAlike(ssm));
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
            env.put("QUARKUS_LAMBDA_HANDLER", "intake");
            try (LambdaRuntimeApiStub runtimeApi = LambdaRuntimeApiStub.start();
                    ManagedJavaRuntime runtime = ManagedJavaRuntime.start(taskRoot, "intake", env, runtimeApi)) {
                runtimeApi.awaitCheckpoint(FIRST_ANSWER);
                assertThat(ssm.requests()).as("secrets read while initialising, before the snapshot\n"
                        + runtime.output()).hasSize(1);

                ssm.with("/herald/xconnector-secret", rotated);
                runtimeApi.restore();

                String body = ((ObjectNode) JSON.readTree(Path.of("samples/events/shipment-delayed.json").toFile()))
                        .put("id", UUID.randomUUID().toString()).toString();
                JsonNode withRotated = invoke(runtimeApi, runtime, signedEvent(body, rotated));
                JsonNode withOld = invoke(runtimeApi, runtime, signedEvent(body, atSnapshot));

                assertThat(withRotated.path("statusCode").asInt()).as(withRotated + "\n" + runtime.output())
                        .isEqualTo(202);
                assertThat(withOld.path("statusCode").asInt()).as(withOld + "\n" + runtime.output())
                        .isEqualTo(401);
                assertThat(ssm.requests()).as("read again once, at the restore").hasSize(2)
                        .allSatisfy(request -> assertThat(request.target()).isEqualTo("AmazonSSM.GetParameters"));
                assertThat(runtime.output()).doesNotContain(atSnapshot).doesNotContain(rotated);
            }
        }
    }

    @Test
    @Order(7)
    void theConsoleOpenAtApiGatewayAdmitsOnlyAnOperatorsKeyFromSsmOrTheSessionSignedInWithIt() throws Exception {
        String sessionSecret = "console-session-secret-" + UUID.randomUUID();
        try (SsmStub ssm = new SsmStub().with("/herald/operator-keys/ops", ServerEnvironment.OPERATE_KEY_SHA256)
                .with("/herald/console-session-secret", sessionSecret)) {
            Map<String, String> env = consoleEnvironment(ssm);
            try (LambdaRuntimeApiStub runtimeApi = LambdaRuntimeApiStub.start();
                    ManagedJavaRuntime runtime = ManagedJavaRuntime.start(taskRoot, "console", env, runtimeApi)) {
                ObjectNode browser = fixture("apigateway-v2-http-get-console.json");

                JsonNode withoutSession = invoke(runtimeApi, runtime, browser);
                assertThat(withoutSession.path("statusCode").asInt()).as(withoutSession + "\n" + runtime.output())
                        .isEqualTo(303);
                assertThat(withoutSession.path("headers").path("Location").asText()).isEqualTo("/console/sign-in");

                ObjectNode script = browser.deepCopy();
                ((ObjectNode) script.get("headers")).put("accept", "application/json");
                JsonNode refused = invoke(runtimeApi, runtime, script);
                assertThat(refused.path("statusCode").asInt()).as(refused.toString()).isEqualTo(401);
                assertThat(refused.path("headers").path("Content-Type").asText())
                        .isEqualTo("application/problem+json");

                JsonNode wrongKey = invoke(runtimeApi, runtime, signIn("grafana-key-not-configured-here"));
                assertThat(wrongKey.path("statusCode").asInt()).as(wrongKey.toString()).isEqualTo(401);
                assertThat(wrongKey.path("headers").has("Set-Cookie")).isFalse();

                JsonNode signedIn = invoke(runtimeApi, runtime, signIn(ServerEnvironment.OPERATE_KEY));
                assertThat(signedIn.path("statusCode").asInt()).as(signedIn + "\n" + runtime.output())
                        .isEqualTo(303);
                String cookie = signedIn.path("headers").path("Set-Cookie").asText();
                assertThat(cookie).startsWith("herald-console=").contains("HttpOnly", "Secure", "SameSite=Strict")
                        .doesNotContain(ServerEnvironment.OPERATE_KEY);
                String session = cookie.substring(0, cookie.indexOf(';'));

                ObjectNode withSession = browser.deepCopy();
                withSession.putArray("cookies").add(session);
                JsonNode page = invoke(runtimeApi, runtime, withSession);
                assertThat(page.path("statusCode").asInt()).as(page + "\n" + runtime.output()).isEqualTo(200);
                assertThat(page.path("headers").path("Content-Type").asText()).startsWith("text/html");
                assertThat(page.path("body").asText()).contains("Sign out");

                ObjectNode forged = browser.deepCopy();
                forged.putArray("cookies").add(session.substring(0, session.length() - 2) + "xx");
                assertThat(invoke(runtimeApi, runtime, forged).path("statusCode").asInt()).as("a forged session")
                        .isEqualTo(303);

                ObjectNode withKey = script.deepCopy();
                ((ObjectNode) withKey.get("headers")).put("authorization", "Bearer " + ServerEnvironment.OPERATE_KEY);
                assertThat(invoke(runtimeApi, runtime, withKey).path("statusCode").asInt()).as("the key itself")
                        .isEqualTo(200);

                assertThat(ssm.requests()).as("the key's hash and the session secret, read at start-up")
                        .hasSize(1);
                assertThat(runtime.output()).doesNotContain(ServerEnvironment.OPERATE_KEY)
                        .doesNotContain(sessionSecret).contains("operator key:ops");
            }
        }
    }

    @Test
    @Order(8)
    void aConsoleRestoredFromItsSnapshotAdmitsTheKeyItsParameterHoldsAtTheRestoreAndNoLongerTheOld()
            throws Exception {
        try (SsmStub ssm = new SsmStub().with("/herald/operator-keys/ops", ServerEnvironment.OPERATE_KEY_SHA256)
                .with("/herald/console-session-secret", "console-session-secret-" + UUID.randomUUID())) {
            Map<String, String> env = consoleEnvironment(ssm);
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
            try (LambdaRuntimeApiStub runtimeApi = LambdaRuntimeApiStub.start();
                    ManagedJavaRuntime runtime = ManagedJavaRuntime.start(taskRoot, "console", env, runtimeApi)) {
                runtimeApi.awaitCheckpoint(FIRST_ANSWER);

                // the operator's key is replaced while the snapshot waits
                ssm.with("/herald/operator-keys/ops", ServerEnvironment.READ_KEY_SHA256);
                runtimeApi.restore();

                assertThat(invoke(runtimeApi, runtime, withBearer(ServerEnvironment.OPERATE_KEY))
                        .path("statusCode").asInt()).as("the key replaced after the snapshot\n" + runtime.output())
                        .isEqualTo(401);
                assertThat(invoke(runtimeApi, runtime, withBearer(ServerEnvironment.READ_KEY))
                        .path("statusCode").asInt()).as("the key its parameter holds now\n" + runtime.output())
                        .isEqualTo(200);
                assertThat(ssm.requests()).as("read while initialising and again at the restore").hasSize(2);
            }
        }
    }

    /** A script's request for the console's first page with this key. */
    private static ObjectNode withBearer(String key) throws Exception {
        ObjectNode event = fixture("apigateway-v2-http-get-console.json");
        ((ObjectNode) event.get("headers")).put("accept", "application/json").put("authorization", "Bearer " + key);
        return event;
    }

    /**
     * What terraform/lambda.tf gives the console function with {@code console_operators = { ops = "operate" }}:
     * where the key's hash and the session secret are, not their values.
     */
    private static Map<String, String> consoleEnvironment(SsmStub ssm) {
        Map<String, String> env = new TreeMap<>(environment);
        env.keySet().removeIf(name -> name.startsWith("HERALD_OPERATOR_KEYS_")
                || name.equals("HERALD_CONSOLE_SESSION_SECRET"));
        env.put("HERALD_OPERATOR_KEYS_OPS_SHA256_SSM_PARAMETER", "/herald/operator-keys/ops");
        env.put("HERALD_OPERATOR_KEYS_OPS_ACCESS", "operate");
        env.put("HERALD_CONSOLE_SESSION_SECRET_SSM_PARAMETER", "/herald/console-session-secret");
        env.putAll(ssmLookAlike(ssm));
        env.put("QUARKUS_LAMBDA_HANDLER", "console");
        return env;
    }

    /** The settings that point the functions' SSM client at the look-alike. */
    private static Map<String, String> ssmLookAlike(SsmStub ssm) {
        return Map.of("HERALD_SECRETS_SSM_ENDPOINT", ssm.endpoint(), "HERALD_SECRETS_SSM_REGION", "eu-central-1",
                "HERALD_SECRETS_SSM_ACCESS_KEY_ID", "test-key-id",
                "HERALD_SECRETS_SSM_SECRET_ACCESS_KEY", "test-secret-key");
    }

    /** A browser's sign-in form with this key, as API Gateway hands it over. */
    private static ObjectNode signIn(String key) throws Exception {
        ObjectNode event = fixture("apigateway-v2-http-post-console-sign-in.json");
        event.put("body", java.util.Base64.getEncoder().encodeToString(("key=" + key)
                .getBytes(StandardCharsets.UTF_8)));
        return event;
    }

    /** Starts the function under the runtime interface client, invokes it once, and returns its response. */
    private static JsonNode answer(String function, JsonNode event) throws Exception {
        Map<String, String> env = new TreeMap<>(environment);
        env.put("QUARKUS_LAMBDA_HANDLER", function);
        try (LambdaRuntimeApiStub runtimeApi = LambdaRuntimeApiStub.start();
                ManagedJavaRuntime runtime = ManagedJavaRuntime.start(taskRoot, function, env, runtimeApi)) {
            return invoke(runtimeApi, runtime, event);
        }
    }

    /** Invokes a started function once and returns its response; a reported error fails the test. */
    private static JsonNode invoke(LambdaRuntimeApiStub runtimeApi, ManagedJavaRuntime runtime, JsonNode event)
            throws Exception {
        Outcome outcome;
        try {
            outcome = runtimeApi.invoke(JSON.writeValueAsString(event), FIRST_ANSWER);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + runtime.output(), e);
        }
        assertThat(outcome.failed()).as("the function reported an error: " + outcome.error() + "\n"
                + runtime.output()).isFalse();
        return JSON.readTree(outcome.response());
    }

    /** An AWS event of src/test/resources/aws-events, to be completed with what only this run knows. */
    private static ObjectNode fixture(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Path.of("src/test/resources/aws-events", name).toFile());
    }

    /** API Gateway's request for POST /events with {@code body}, signed by xConnector with {@code secret}. */
    private static ObjectNode signedEvent(String body, String secret) throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        ObjectNode event = fixture("apigateway-v2-http-post-events.json");
        event.put("body", body);
        ((ObjectNode) event.get("headers")).put("x-herald-timestamp", timestamp)
                .put("x-herald-signature", "sha256=" + hmac(secret, timestamp + "." + body));
        ((ObjectNode) event.get("requestContext")).put("requestId", UUID.randomUUID().toString())
                .put("timeEpoch", Instant.now().toEpochMilli());
        return event;
    }

    private static List<String> failedItems(JsonNode response) {
        List<String> failed = new ArrayList<>();
        response.path("batchItemFailures").forEach(item -> failed.add(item.path("itemIdentifier").asText()));
        return failed;
    }

    /** The messages waiting in the dispatch queue, left there for the next read. */
    private static List<Message> dispatchMessages() {
        String url = SQS.client().getQueueUrl(b -> b.queueName("herald-dispatch")).queueUrl();
        return SQS.client().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0)
                .waitTimeSeconds(1)).messages();
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
