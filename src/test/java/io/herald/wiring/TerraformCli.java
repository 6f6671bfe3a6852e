package io.herald.wiring;

import io.herald.support.TemporaryTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The Terraform CLI, run on a copy of terraform/ (with functions.yaml beside it, as in the project) in a temporary
 * directory, so that init's .terraform directory and plan files never touch the working tree. Providers come from
 * the machine's plugin mirror only (src/test/resources/terraform/offline.tfrc): nothing is downloaded.
 */
final class TerraformCli implements AutoCloseable {

    static final Path CLI_CONFIG = Path.of("src/test/resources/terraform/offline.tfrc").toAbsolutePath();
    private static final String PROVIDER = "registry.terraform.io/hashicorp/aws";
    private static final long TIMEOUT_MINUTES = 5;

    /** What one command did. */
    record Result(List<String> command, int exitCode, String stdout, String stderr) {

        Result succeeded() {
            if (exitCode != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + exitCode + "\n--- stdout\n"
                        + stdout + "\n--- stderr\n" + stderr);
            }
            return this;
        }
    }

    private final Path executable;
    private final Path root;
    private final Path module;

    private TerraformCli(Path executable, Path root) {
        this.executable = executable;
        this.root = root;
        this.module = root.resolve("terraform");
    }

    /** Why the CLI cannot run on this machine (not on the PATH, no provider mirror), or empty when it can. */
    static Optional<String> unavailable() {
        if (executable().isEmpty()) {
            return Optional.of("the Terraform CLI (terraform) is not on the PATH");
        }
        Path mirror = mirror();
        if (!Files.isDirectory(mirror.resolve(PROVIDER))) {
            return Optional.of("the provider mirror " + mirror + " named by " + CLI_CONFIG
                    + " holds no " + PROVIDER);
        }
        return Optional.empty();
    }

    /**
     * Skips the calling test class, saying why on the console as well as in the report, when the CLI cannot run
     * here.
     *
     * @param checks what is skipped, e.g. "Terraform plan checks"
     */
    static void assumeAvailable(String checks) {
        Optional<String> unavailable = unavailable();
        unavailable.ifPresent(reason -> System.out.println(checks + " skipped: " + reason));
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> checks + " skipped: " + unavailable.orElseThrow());
    }

    /**
     * A copy of {@code project}'s terraform/*.tf and lock file, its functions.yaml, and a stand-in for the
     * target/function.zip whose hash the configuration takes. No *.tfvars: a developer's settings stay out.
     */
    static TerraformCli inCopyOf(Path project) {
        Path executable = executable().orElseThrow(() -> new IllegalStateException(unavailable().orElseThrow()));
        try {
            Path root = Files.createTempDirectory("herald-terraform");
            Path module = Files.createDirectories(root.resolve("terraform"));
            try (Stream<Path> files = Files.list(project.resolve("terraform"))) {
                for (Path file : files.filter(TerraformCli::isModuleFile).toList()) {
                    Files.copy(file, module.resolve(file.getFileName().toString()));
                }
            }
            Files.copy(project.resolve("functions.yaml"), root.resolve("functions.yaml"));
            Files.createDirectories(root.resolve("target"));
            Files.writeString(root.resolve("target/function.zip"), "a stand-in: plan only hashes it");
            return new TerraformCli(executable, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isModuleFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".tf") || name.equals(".terraform.lock.hcl"));
    }

    Path module() {
        return module;
    }

    /** Deletes the copy, its .terraform directory and plans. */
    @Override
    public void close() {
        TemporaryTree.delete(root);
    }

    void writeFile(String name, String content) {
        try {
            Files.writeString(module.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code terraform <args>} in the copied module, non-interactively and with the offline CLI config. */
    Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(module.toFile());
        Map<String, String> environment = builder.environment();
        // Nothing of the developer's AWS or Terraform setup may leak into an offline plan.
        environment.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("TF_"));
        environment.put("TF_CLI_CONFIG_FILE", CLI_CONFIG.toString());
        environment.put("TF_IN_AUTOMATION", "1");
        environment.put("TF_INPUT", "0");
        environment.put("CHECKPOINT_DISABLE", "1");
        try {
            Path out = Files.createTempFile(root, "out", ".txt");
            Path err = Files.createTempFile(root, "err", ".txt");
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT_MINUTES
                        + " minutes");
            }
            return new Result(command, process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> executable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(java.io.File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "terraform")).filter(Files::isExecutable).findFirst();
    }

    /** The mirror directory offline.tfrc names. */
    private static Path mirror() {
        try {
            Matcher path = Pattern.compile("(?m)^\\s*path\\s*=\\s*\"([^\"]+)\"").matcher(Files.readString(CLI_CONFIG));
            if (!path.find()) {
                throw new IllegalStateException(CLI_CONFIG + " names no filesystem_mirror path");
            }
            return Path.of(path.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
