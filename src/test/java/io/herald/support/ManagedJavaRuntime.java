package io.herald.support;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * target/function.zip run as Lambda's managed Java runtime runs it: unpacked as the task root, its classes and
 * {@code lib/*.jar} on the class path, started by AWS's runtime interface client with the handler Lambda is given,
 * and talking to a Runtime API at {@code AWS_LAMBDA_RUNTIME_API}.
 */
public final class ManagedJavaRuntime implements AutoCloseable {

    /** The handler Lambda's java21 runtime is configured with for every function (terraform/lambda.tf). */
    public static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    private final Process process;
    private final Path log;

    private ManagedJavaRuntime(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Unpacks the packaged function.zip into a new directory, the task root. */
    public static Path unpackFunctionZip() throws IOException {
        Path zip = Path.of("target", "function.zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " is missing: package the application first");
        }
        Path root = Files.createTempDirectory("herald-task-root");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        return root;
    }

    /**
     * Starts the runtime for one function: the environment holds only {@code environment}, what Lambda sets for
     * every function, and the Runtime API's address.
     */
    public static ManagedJavaRuntime start(Path taskRoot, String functionName, Map<String, String> environment,
            LambdaRuntimeApiStub runtimeApi) throws IOException {
        List<String> classPath = new ArrayList<>();
        classPath.add(taskRoot.toString());
        try (Stream<Path> jars = Files.list(taskRoot.resolve("lib"))) {
            jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().forEach(jar -> classPath.add(jar.toString()));
        }
        // the client and its serialization library, which the managed runtime provides
        classPath.add(jarOf(AWSLambda.class));
        classPath.add(jarOf(com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.databind.ObjectMapper.class));
        Path log = Files.createTempFile("herald-" + functionName + "-", ".log");
        // the JIT settings Lambda's Java runtimes start the JVM with, and org.crac pointed at the client's CRaC
        // implementation, which runs the registered hooks around a SnapStart snapshot (restore/next)
        ProcessBuilder launch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                "-cp", String.join(File.pathSeparator, classPath), AWSLambda.class.getName(), HANDLER)
                .directory(taskRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = launch.environment();
        env.keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME") && !name.equals("LANG"));
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("_HANDLER", HANDLER);
        env.put("AWS_LAMBDA_FUNCTION_NAME", "herald-" + functionName);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/herald-" + functionName);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[1]0123456789abcdef");
        env.put("AWS_REGION", "eu-central-1");
        env.put("AWS_DEFAULT_REGION", "eu-central-1");
        env.putAll(environment);
        return new ManagedJavaRuntime(launch.start(), log);
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the function has written to stdout and stderr so far. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(log);
    }
}
