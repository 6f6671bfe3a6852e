package io.herald.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * the batch) for dispatch and writeback, and EventBridge Scheduler's event for sla-sweep. The store is DynamoDB (dynalite) and the queues SQS
 * (ElasticMQ), as in the cloud; the messages intake queues are the ones dispatch then takes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EveryFunctionAnswersAwsEventsUnderTheJavaRuntimeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FIRST_ANSWER = Duration.ofMinutes(3);
    private static final String ACCOUNT = "123456789012";

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
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        ObjectNode event = httpEvent("POST", "/events", Map.of(), body);
        ObjectNode headers = (ObjectNode) event.get("headers");
        headers.put("content-type", "application/cloudevents+json");
        headers.put("x-herald-sender", "xconnector");
        headers.put("x-herald-timestamp", timestamp);
        headers.put("x-herald-signature", "sha256=" + hmac(environment.get("HERALD_XCONNECTOR_SECRET"),
                timestamp + "." + body));

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
        ArrayNode records = JSON.createArrayNode();
        for (Message message : dispatchMessages()) {
            records.add(sqsRecord("herald-dispatch", message.messageId(), message.body()));
        }
        assertThat(records).as("the messages intake queued").isNotEmpty();
        records.add(sqsRecord("herald-dispatch", UUID.randomUUID().toString(), "{\"notification\": "));

        JsonNode response = answer("dispatch", JSON.createObjectNode().set("Records", records));

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
        ArrayNode records = JSON.createArrayNode();
        records.add(sqsRecord("herald-writeback", UUID.randomUUID().toString(),
                "{\"writeBack\":\"" + UUID.randomUUID() + "\"}"));
        records.add(sqsRecord("herald-writeback", UUID.randomUUID().toString(), "not json at all"));

        JsonNode response = answer("writeback", JSON.createObjectNode().set("Records", records));

        // a write-back the store does not hold is done; an unreadable message is dropped and counted
        assertThat(failedItems(response)).isEmpty();
    }

    @Test
    @Order(4)
    void callbackAnswersAnOperatorsTaskQueryApiGatewayAdmittedByIam() throws Exception {
        ObjectNode event = httpEvent("GET", "/tasks", Map.of("assignee", "carol", "status", "open"), null);
        ((ObjectNode) event.get("requestContext")).set("authorizer", JSON.createObjectNode().set("iam",
                JSON.createObjectNode().put("accountId", ACCOUNT).put("userArn",
                        "arn:aws:iam::" + ACCOUNT + ":user/operator").put("userId", "AIDAOPERATOR")));

        JsonNode response = answer("callback", event);

        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        assertThat(JSON.readTree(response.path("body").asText()).path("tasks").isArray()).as(response.toString())
                .isTrue();
    }

    @Test
    @Order(5)
    void slaSweepRunsOnEventBridgeSchedulersEvent() throws Exception {
        ObjectNode event = JSON.createObjectNode()
                .put("version", "0")
                .put("id", UUID.randomUUID().toString())
                .put("detail-type", "Scheduled Event")
                .put("source", "aws.scheduler")
                .put("account", ACCOUNT)
                .put("time", Instant.now().toString())
                .put("region", "eu-central-1")
                .put("detail", "{}");
        event.putArray("resources")
                .add("arn:aws:scheduler:eu-central-1:" + ACCOUNT + ":schedule/herald-schedules/herald-sla-sweep");

        answer("sla-sweep", event);
    }

    /** Starts the function under the runtime interface client, invokes it once, and returns its response. */
    private static JsonNode answer(String function, JsonNode event) throws Exception {
        Map<String, String> env = new TreeMap<>(environment);
        env.put("QUARKUS_LAMBDA_HANDLER", function);
        try (LambdaRuntimeApiStub runtimeApi = LambdaRuntimeApiStub.start();
                ManagedJavaRuntime runtime = ManagedJavaRuntime.start(taskRoot, function, env, runtimeApi)) {
            Outcome outcome;
            try {
                outcome = runtimeApi.invoke(JSON.writeValueAsString(event), FIRST_ANSWER);
            } catch (AssertionError e) {
                throw new AssertionError(function + ": " + e.getMessage() + "\n" + runtime.output(), e);
            }
            assertThat(outcome.failed()).as(function + " reported an error: " + outcome.error() + "\n"
                    + runtime.output()).isFalse();
            return JSON.readTree(outcome.response());
        }
    }

    private static ObjectNode httpEvent(String method, String path, Map<String, String> query, String body) {
        ObjectNode event = JSON.createObjectNode()
                .put("version", "2.0")
                .put("routeKey", method + " " + path)
                .put("rawPath", path)
                .put("rawQueryString", String.join("&", query.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList()))
                .put("isBase64Encoded", false);
        event.putObject("headers").put("user-agent", "herald-test").put("host", "api.example.com");
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach(parameters::put);
        }
        if (body != null) {
            event.put("body", body);
        }
        ObjectNode context = event.putObject("requestContext")
                .put("accountId", ACCOUNT)
                .put("apiId", "a1b2c3d4e5")
                .put("domainName", "a1b2c3d4e5.execute-api.eu-central-1.amazonaws.com")
                .put("domainPrefix", "a1b2c3d4e5")
                .put("requestId", UUID.randomUUID().toString())
                .put("routeKey", method + " " + path)
                .put("stage", "$default")
                .put("time", "01/Mar/2026:10:15:30 +0000")
                .put("timeEpoch", Instant.now().toEpochMilli());
        context.putObject("http").put("method", method).put("path", path).put("protocol", "HTTP/1.1")
                .put("sourceIp", "203.0.113.7").put("userAgent", "herald-test");
        return event;
    }

    private static ObjectNode sqsRecord(String queue, String messageId, String body) {
        ObjectNode record = JSON.createObjectNode()
                .put("messageId", messageId)
                .put("receiptHandle", "handle-" + messageId)
                .put("body", body)
                .put("md5OfBody", "")
                .put("eventSource", "aws:sqs")
                .put("eventSourceARN", "arn:aws:sqs:eu-central-1:" + ACCOUNT + ":" + queue)
                .put("awsRegion", "eu-central-1");
        record.putObject("attributes").put("ApproximateReceiveCount", "1")
                .put("SentTimestamp", Long.toString(Instant.now().toEpochMilli()))
                .put("SenderId", "AIDAHERALD").put("ApproximateFirstReceiveTimestamp",
                        Long.toString(Instant.now().toEpochMilli()));
        record.putObject("messageAttributes");
        return record;
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
