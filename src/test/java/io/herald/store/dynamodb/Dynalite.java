package io.herald.store.dynamodb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * dynalite (a DynamoDB API on LevelDB, in memory) as a child process on a free port, for tests. As a JUnit
 * extension it runs for one test class; {@link #start} and {@link #stop} serve other lifecycles. Tests get
 * tables of their own from {@link #createTables} and drop them with {@link #dropTables}.
 *
 * <p>dynalite lacks transactions and time to live, neither of which Herald's store uses.
 */
public final class Dynalite implements BeforeAllCallback, AfterAllCallback {

    public static final String REGION = "eu-central-1";
    public static final String ACCESS_KEY = "dynalite";
    public static final String SECRET_KEY = "dynalite";

    private static final Path CLI = Path.of("tools", "node_modules", "dynalite", "cli.js");
    private static final String LISTENING = "Dynalite listening";
    private static final int ATTEMPTS = 3;

    private final AtomicInteger prefixes = new AtomicInteger();
    private final List<String> created = new CopyOnWriteArrayList<>();
    private Process process;
    private URI endpoint;
    private DynamoDbClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts dynalite, retrying on another port if the free port found was taken in the meantime. */
    public void start() {
        if (!Files.isRegularFile(CLI)) {
            throw new IllegalStateException(CLI.toAbsolutePath() + " is missing: run bin/services, which installs"
                    + " the test tools of tools/package.json");
        }
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < ATTEMPTS && process == null; attempt++) {
            try {
                launch(freePort());
            } catch (IllegalStateException e) {
                failure = e;
            }
        }
        if (process == null) {
            throw failure;
        }
    }

    /** Closes the client and ends dynalite, which forgets every table. */
    public void stop() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Where the started dynalite listens. */
    public URI endpoint() {
        return endpoint;
    }

    /** A client of this dynalite, closed by {@link #stop}. */
    public DynamoDbClient client() {
        if (client == null) {
            client = DynamoDbClient.builder()
                    .endpointOverride(endpoint)
                    .region(Region.of(REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
        return client;
    }

    /** The store's three tables under a prefix no earlier call used, so they start empty. */
    public DynamoDbTables createTables() {
        DynamoDbTables tables = freshTables();
        DynamoDbSchema.createMissing(client(), tables);
        DynamoDbSchema.createTableRequests(tables).forEach(request -> created.add(request.tableName()));
        return tables;
    }

    /** The task store's four tables under a prefix no earlier call used, so they start empty. */
    public DynamoDbTables createTaskTables() {
        DynamoDbTables tables = freshTables();
        DynamoDbSchema.createMissingTaskTables(client(), tables);
        DynamoDbSchema.taskTableRequests(tables).forEach(request -> created.add(request.tableName()));
        return tables;
    }

    /** The group store's table under a prefix no earlier call used, so it starts empty. */
    public DynamoDbTables createGroupTables() {
        DynamoDbTables tables = freshTables();
        DynamoDbSchema.createMissingGroupTables(client(), tables);
        DynamoDbSchema.groupTableRequests(tables).forEach(request -> created.add(request.tableName()));
        return tables;
    }

    /**
     * Drops every table {@link #createTables} and {@link #createTaskTables} created, so that dynalite's memory
     * does not grow test by test.
     */
    public void dropTables() {
        for (String table : created) {
            client().deleteTable(b -> b.tableName(table));
        }
        created.clear();
    }

    private DynamoDbTables freshTables() {
        return DynamoDbTables.withPrefix("t" + prefixes.incrementAndGet() + "-");
    }

    private void launch(int port) {
        Process started;
        try {
            started = new ProcessBuilder("node", CLI.toString(), "--host", "127.0.0.1", "--port",
                    Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start dynalite with node: " + e.getMessage(), e);
        }
        StringBuffer output = new StringBuffer();
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> drain(started, output, listening), "dynalite-output");
        reader.setDaemon(true);
        reader.start();
        try {
            listening.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            started.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("dynalite did not start on port " + port + ": " + output);
        }
        process = started;
        endpoint = URI.create("http://127.0.0.1:" + port);
        // A test run that dies before stop() must not leave dynalite behind.
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    }

    /** Reads everything dynalite prints (so its pipe never fills up) and reports when it listens. */
    private static void drain(Process process, StringBuffer output, CompletableFuture<Void> listening) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (line.startsWith(LISTENING)) {
                    listening.complete(null);
                }
            }
            listening.completeExceptionally(new IllegalStateException("dynalite exited"));
        } catch (IOException e) {
            listening.completeExceptionally(new UncheckedIOException(e));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
