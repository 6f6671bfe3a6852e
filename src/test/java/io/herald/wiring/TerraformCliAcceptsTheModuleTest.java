package io.herald.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Terraform itself, not a parser of ours, accepts terraform/ as committed: {@code fmt -check} finds nothing to
 * change, {@code init} installs the provider the lock file pins (from the machine's mirror, checked against the lock
 * file's hashes) without changing the lock file, and {@code validate} finds the configuration valid against the
 * provider's schema. Skipped, saying why, on a machine without the CLI or the mirror.
 */
class TerraformCliAcceptsTheModuleTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    private static TerraformCli terraform;

    @BeforeAll
    static void initialiseTheModule() {
        TerraformCli.assumeAvailable("Terraform CLI checks");
        terraform = TerraformCli.shared();
    }

    @Test
    void theModuleIsFormattedAsTerraformFmtWritesIt() {
        TerraformCli.Result fmt = terraform.run("fmt", "-check", "-diff", "-recursive", "-no-color");
        assertThat(fmt.exitCode()).as("terraform fmt -check; to fix: terraform fmt terraform/\n" + fmt.stdout())
                .isZero();
    }

    @Test
    void initInstallsTheLockedProviderAndValidateAcceptsTheModule() throws IOException {
        String committed = Files.readString(PROJECT.resolve("terraform/.terraform.lock.hcl"));
        assertThat(committed).contains("provider \"registry.terraform.io/hashicorp/aws\"");
        assertThat(terraform.module().resolve(".terraform/providers/registry.terraform.io/hashicorp/aws"))
                .as("the provider init installed").isDirectory();
        assertThat(Files.readString(terraform.module().resolve(".terraform.lock.hcl"))).as("the lock file after init")
                .isEqualTo(committed);

        TerraformCli.Result validate = terraform.run("validate", "-no-color").succeeded();
        assertThat(validate.stdout()).contains("The configuration is valid.");
    }
}
