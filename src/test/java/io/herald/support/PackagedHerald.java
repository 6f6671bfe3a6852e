package io.herald.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application started as a server deployment starts it: {@code java -jar target/*-runner.jar} with
 * the given environment and no configuration profile, which makes it production.
 */
public final class PackagedHerald implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private PackagedHerald(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static String runnerJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.map(Path::toString).filter(name -> name.endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("package the application first"));
        }
    }

    /** Starts the jar with exactly these variables added to a copy of this environment (none of Herald's own). */
    public static PackagedHerald start(Map<String, String> environment) throws IOException {
        int port = freePort();
        Path log = Files.createTempFile("herald-", ".log");
        ProcessBuilder launch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", runnerJar())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        launch.environment().keySet().removeIf(name -> name.startsWith("HERALD_") || name.startsWith("QUARKUS_"));
        launch.environment().putAll(environment);
        launch.environment().put("PORT", Integer.toString(port));
        return new PackagedHerald(launch.start(), log, port);
    }

    /** Waits until the application answers its health check. */
    public PackagedHerald awaitReady() throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Herald exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<Void> health = client.send(HttpRequest.newBuilder(uri("/q/health/live"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Herald did not become ready within 90 s:\n" + output());
    }

    /** Waits for the process to end by itself; true when it did within the time. */
    public boolean awaitExit() throws InterruptedException {
        return process.waitFor(90, TimeUnit.SECONDS);
    }

    public int exitValue() {
        return process.exitValue();
    }

    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
