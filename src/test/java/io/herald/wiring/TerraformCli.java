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
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The Terraform CLI, run on a copy of terraform/ (with functions.yaml beside it, as in the project) in a temporary
 * directory, so that init's .terraform directory and plan files never touch the working tree. Providers come from
 * the provider mirror found on this machine only, named in a CLI configuration the tests write
 * (target/terraform/offline.tfrc): nothing is downloaded.
 */
final class TerraformCli implements AutoCloseable {

    static final Path CLI_CONFIG = Path.of("target/terraform/offline.tfrc").toAbsolutePath();
    /** Where a mirror holding the AWS provider is looked for, besides the folder HERALD_TERRAFORM_MIRROR names. */
    private static final List<Path> MIRROR_SEARCH = List.of(Path.of("/opt"), Path.of("/usr/local/share"),
            Path.of("/usr/share"), Path.of(System.getProperty("user.home"), ".terraform.d"),
            Path.of(System.getProperty("user.home"), ".local/share/terraform"));
    private static final int MIRROR_SEARCH_DEPTH = 4;
    private static final String PROVIDER = "registry.terraform.io/hashicorp/aws";
    private static final long TIMEOUT_MINUTES = 5;
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    private static TerraformCli shared;

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
        if (mirror().isEmpty()) {
            return Optional.of("no provider mirror holding " + PROVIDER + " was found (set HERALD_TERRAFORM_MIRROR"
                    + " to the folder above registry.terraform.io)");
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
     * One copy of the project's module, initialised once from the mirror (the lock file read-only) for every test
     * of this run; deleted when the JVM exits. Tests plan with their own plan files and must not change its files.
     */
    static synchronized TerraformCli shared() {
        if (shared == null) {
            TerraformCli copy = inCopyOf(PROJECT);
            Runtime.getRuntime().addShutdownHook(new Thread(copy::close));
            copy.writeFile(TerraformPlan.OVERRIDE_FILE, TerraformPlan.OFFLINE_PROVIDER);
            copy.run("init", "-backend=false", "-input=false", "-no-color", "-lockfile=readonly").succeeded();
            shared = copy;
        }
        return shared;
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
        environment.put("TF_CLI_CONFIG_FILE", cliConfig().toString());
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

    /**
     * Writes the CLI configuration that takes providers from the mirror found here, and nowhere else.
     */
    private static synchronized Path cliConfig() {
        Path mirror = mirror().orElseThrow(() -> new IllegalStateException(unavailable().orElseThrow()));
        try {
            Files.createDirectories(CLI_CONFIG.getParent());
            Files.writeString(CLI_CONFIG, """
                    # Written by the tests (io.herald.wiring.TerraformCli): providers come only from this machine's
                    # plugin mirror, so "terraform init" needs no network.
                    provider_installation {
                      filesystem_mirror {
                        path    = "%s"
                        include = ["%s"]
                      }
                    }
                    """.formatted(mirror, PROVIDER));
            return CLI_CONFIG;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder above registry.terraform.io of a mirror holding the AWS provider, if this machine has one. */
    static Optional<Path> mirror() {
        String named = System.getenv("HERALD_TERRAFORM_MIRROR");
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(TerraformCli::holdsTheProvider);
        }
        for (Path under : MIRROR_SEARCH) {
            if (!Files.isDirectory(under)) {
                continue;
            }
            try (Stream<Path> dirs = Files.find(under, MIRROR_SEARCH_DEPTH,
                    (dir, attributes) -> attributes.isDirectory() && holdsTheProvider(dir))) {
                Optional<Path> found = dirs.findFirst();
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException | UncheckedIOException e) {
                // an unreadable folder holds no mirror we could use
            }
        }
        return Optional.empty();
    }

    private static boolean holdsTheProvider(Path dir) {
        return Files.isDirectory(dir.resolve(PROVIDER));
    }
}
