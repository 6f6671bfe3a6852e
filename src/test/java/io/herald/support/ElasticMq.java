package io.herald.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An ElasticMQ server (an in-memory SQS) on a free local port. As a JUnit extension
 * ({@code @RegisterExtension static}) it runs for one test class; {@link #start()} and {@link #stop()} run it for
 * anything else.
 */
public final class ElasticMq implements BeforeAllCallback, AfterAllCallback {

    public static final String REGION = "eu-central-1";
    public static final String ACCESS_KEY = "herald-test";
    public static final String SECRET_KEY = "herald-test";

    private SQSRestServer server;
    private URI endpoint;
    private SqsClient client;

    public void start() {
        int port = freePort();
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port).start();
        server.waitUntilStarted();
        endpoint = URI.create("http://127.0.0.1:" + port);
        client = clientBuilder().build();
    }

    public void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stopAndWait();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client of this server, shared; close nothing. */
    public SqsClient client() {
        return client;
    }

    /** For a client of this server with settings of its own, e.g. interceptors. */
    public SqsClientBuilder clientBuilder() {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create());
    }

    /**
     * Creates the standard queue {@code name} and its dead-letter queue {@code name-dlq}, to which SQS moves a
     * message received more than {@code maxReceiveCount} times.
     *
     * @return the queue's URL
     */
    public String createQueueWithDlq(String name, int visibilityTimeoutSeconds, int maxReceiveCount) {
        String dlq = client.createQueue(request -> request.queueName(name + "-dlq")).queueUrl();
        String dlqArn = client.getQueueAttributes(request -> request.queueUrl(dlq)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        return client.createQueue(request -> request.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds),
                QueueAttributeName.REDRIVE_POLICY, "{\"maxReceiveCount\":\"" + maxReceiveCount
                        + "\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}"))).queueUrl();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
