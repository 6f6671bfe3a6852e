package io.herald.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The part of the Lambda Runtime API (2018-06-01) a function's runtime talks to: it hands out the invocations
 * given to {@link #invoke} one at a time, as {@code GET /runtime/invocation/next} asks for them, and takes their
 * response or error, or the error of a failed initialisation.
 *
 * <p>For a SnapStart-style start it also serves {@code GET /runtime/restore/next}: a runtime initialised with
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start} asks for it once its init (and its before-checkpoint hooks) are
 * done, where Lambda would take the snapshot; the stub answers it, as Lambda does in a restored copy, when
 * {@link #restore} is called, and takes the error of a failed restore ({@code POST /runtime/restore/error}).
 */
public final class LambdaRuntimeApiStub implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";

    /** What an invocation came to: the response document, or the error the runtime reported. */
    public record Outcome(String response, String error) {

        public boolean failed() {
            return error != null;
        }
    }

    private record Invocation(String id, String event, CompletableFuture<Outcome> outcome) {
    }

    private final HttpServer server;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> running = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final CompletableFuture<Void> checkpoint = new CompletableFuture<>();
    private final CompletableFuture<Void> restored = new CompletableFuture<>();

    private LambdaRuntimeApiStub(HttpServer server) {
        this.server = server;
    }

    public static LambdaRuntimeApiStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LambdaRuntimeApiStub stub = new LambdaRuntimeApiStub(server);
            server.createContext(PREFIX, stub::handle);
            // the runtime's long poll for the next invocation holds one thread while others answer
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Hands {@code event} to the runtime and waits for what it reports, or for a failed initialisation.
     *
     * @throws AssertionError when the runtime reports an initialisation error or answers nothing in time
     */
    public Outcome invoke(String event, Duration timeout) throws InterruptedException {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event, new CompletableFuture<>());
        pending.add(invocation);
        try {
            Object first = CompletableFuture.anyOf(invocation.outcome(), initError)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (first instanceof Outcome outcome) {
                return outcome;
            }
            throw new AssertionError("the function failed to initialise or restore: " + first);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no answer to the invocation within " + timeout);
        }
    }

    /**
     * Waits until the runtime is where Lambda would snapshot it: initialised, asking for {@code restore/next}.
     *
     * @throws AssertionError when initialisation fails or does not get there in time
     */
    public void awaitCheckpoint(Duration timeout) throws InterruptedException {
        try {
            Object first = CompletableFuture.anyOf(checkpoint, initError).get(timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            if (first != null) {
                throw new AssertionError("the function failed to initialise: " + first);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the function did not reach its checkpoint within " + timeout);
        }
    }

    /** Lets the runtime waiting at its checkpoint go on as a copy restored from the snapshot. */
    public void restore() {
        restored.complete(null);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                next(exchange);
            } else if (path.equals("init/error")) {
                initError.complete(body);
                answer(exchange, 202, "{}");
            } else if (path.equals("restore/next") && exchange.getRequestMethod().equals("GET")) {
                checkpoint.complete(null);
                restored.join();
                answer(exchange, 200, "");
            } else if (path.equals("restore/error")) {
                // reported like a failed init: the environment is of no use
                initError.complete("restore failed: " + body);
                answer(exchange, 202, "{}");
            } else if (path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
                Invocation invocation = running.remove(id);
                if (invocation == null) {
                    answer(exchange, 400, "{\"errorMessage\":\"unknown request id\"}");
                    return;
                }
                invocation.outcome().complete(path.endsWith("/response") ? new Outcome(body, null)
                        : new Outcome(null, body));
                answer(exchange, 202, "{}");
            } else {
                answer(exchange, 404, "{\"errorMessage\":\"not part of the stub\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        Invocation invocation;
        try {
            invocation = pending.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        running.put(invocation.id(), invocation);
        exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", invocation.id());
        exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + Duration.ofMinutes(5).toMillis()));
        exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:eu-central-1:123456789012:function:herald-test");
        exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id",
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0");
        answer(exchange, 200, invocation.event());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
