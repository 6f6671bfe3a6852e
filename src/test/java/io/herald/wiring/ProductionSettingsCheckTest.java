package io.herald.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.access.Access;
import io.herald.access.OperatorConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What production start-up refuses, setting by setting, and which secrets a deployment must have. */
class ProductionSettingsCheckTest {

    private static final Set<String> SAMPLES = Set.of("local-xconnector-secret");

    private static Optional<String> problem(String value, boolean required) {
        return ProductionSettingsCheck.secretProblem(new ConfiguredSecrets.Value("herald.writeback.secret",
                Optional.ofNullable(value), required, 32), "HERALD_WRITEBACK_SECRET", SAMPLES);
    }

    @Test
    void aMissingRequiredSecretIsNamedWithItsVariable() {
        assertThat(problem(null, true)).contains("herald.writeback.secret (HERALD_WRITEBACK_SECRET) is not set");
        assertThat(problem(null, false)).isEmpty();
    }

    @Test
    void aShippedSampleIsRefusedWhereverItIsPut() {
        assertThat(problem("local-xconnector-secret", true).orElseThrow()).contains("is a sample value");
    }

    @Test
    void aShortSecretIsRefusedAndAProperOneAccepted() {
        assertThat(problem("a".repeat(31), true).orElseThrow()).contains("shorter than 32 characters");
        assertThat(problem("a".repeat(32), true)).isEmpty();
    }

    @Test
    void aServerMustNameItsStoreKind() {
        assertThat(ProductionSettingsCheck.storeKindProblem(Optional.empty()).orElseThrow())
                .startsWith("herald.store.kind (HERALD_STORE_KIND) is not set");
        assertThat(ProductionSettingsCheck.storeKindProblem(Optional.of("mysql")).orElseThrow())
                .isEqualTo("herald.store.kind (HERALD_STORE_KIND) must be h2, postgresql or dynamodb, not 'mysql'");
        for (String kind : new String[] {"h2", "postgresql", "dynamodb"}) {
            assertThat(ProductionSettingsCheck.storeKindProblem(Optional.of(kind))).as(kind).isEmpty();
        }
    }

    @Test
    void theCallbackBaseUrlMustBePublicHttps() {
        assertThat(ProductionSettingsCheck.callbackUrlProblem("http://herald.example.com").orElseThrow())
                .contains("must be an https URL");
        for (String loopback : new String[] {"https://localhost", "https://127.0.0.1:8443", "https://[::1]/",
            "https://0.0.0.0", "https://herald.localhost"}) {
            assertThat(ProductionSettingsCheck.callbackUrlProblem(loopback)).as(loopback).isPresent()
                    .get().asString().contains("loopback");
        }
        assertThat(ProductionSettingsCheck.callbackUrlProblem("https://herald.example.com/base")).isEmpty();
    }

    @Test
    void theConsoleInLambdaNeedsItsSessionSecretAndOperatorsKeysAndTheCallbackNeither() {
        FunctionsManifest manifest = FunctionsManifestLoader.load();

        assertThat(ProductionSettingsCheck.neededSecrets(manifest, true, "console"))
                .containsExactlyInAnyOrder("HERALD_CONSOLE_SESSION_SECRET", "HERALD_OPERATOR_KEYS");
        assertThat(ProductionSettingsCheck.neededSecrets(manifest, true, "callback"))
                .doesNotContain("HERALD_CONSOLE_SESSION_SECRET", "HERALD_OPERATOR_KEYS");
    }

    @Test
    void withoutAnOperatorsKeyNobodyCouldGetInSoStartUpIsRefused() {
        List<ConfiguredSecrets.Value> none = secrets(Map.of(), false).of("HERALD_OPERATOR_KEYS");
        assertThat(none).singleElement().satisfies(value -> assertThat(ProductionSettingsCheck.secretProblem(value,
                "HERALD_OPERATOR_KEYS", SAMPLES)).contains(
                        "herald.operator.keys.<name>.sha256 (HERALD_OPERATOR_KEYS) is not set"));

        assertThat(secrets(Map.of(), true).of("HERALD_OPERATOR_KEYS")).as("an identity provider vouches instead")
                .isEmpty();
        String hash = "765876f68585018980aa468163f44ec5f1d18f946e5e250b3db9abe7d78673bc";
        List<ConfiguredSecrets.Value> one = secrets(Map.of("ops", hash), false).of("HERALD_OPERATOR_KEYS");
        assertThat(one).singleElement().satisfies(value -> assertThat(ProductionSettingsCheck.secretProblem(value,
                "HERALD_OPERATOR_KEYS", SAMPLES)).isEmpty());
    }

    /** The secrets of a configuration with these operators' key hashes, and an identity provider or none. */
    private static ConfiguredSecrets secrets(Map<String, String> hashes, boolean oidc) {
        OperatorConfig operators = new OperatorConfig() {
            @Override
            public Map<String, Key> keys() {
                Map<String, Key> keys = new java.util.TreeMap<>();
                hashes.forEach((name, hash) -> keys.put(name, new Key() {
                    @Override
                    public String sha256() {
                        return hash;
                    }

                    @Override
                    public Access access() {
                        return Access.READ;
                    }
                }));
                return keys;
            }

            @Override
            public Oidc oidc() {
                return new Oidc() {
                    @Override
                    public boolean enabled() {
                        return oidc;
                    }

                    @Override
                    public String readRole() {
                        return "herald-read";
                    }

                    @Override
                    public String operateRole() {
                        return "herald-operate";
                    }
                };
            }
        };
        return new ConfiguredSecrets(null, null, null, null, Optional.empty(), Optional.empty(), null, operators);
    }

    @Test
    void aLambdaNeedsOnlyItsOwnFunctionsSecretsAndAServerAll() {
        FunctionsManifest manifest = FunctionsManifestLoader.load();

        assertThat(ProductionSettingsCheck.neededSecrets(manifest, true, "writeback"))
                .containsExactlyInAnyOrder("HERALD_WRITEBACK_SECRET", "HERALD_WRITEBACK_PREVIOUS_SECRET");
        assertThat(ProductionSettingsCheck.neededSecrets(manifest, false, "intake")).contains(
                "HERALD_XCONNECTOR_SECRET", "HERALD_ACTION_TOKEN_KEY", "HERALD_OPENTEXT_WEBHOOK_SECRET",
                "HERALD_WRITEBACK_SECRET", "HERALD_TASK_ID_SECRET", "HERALD_OPENTEXT_CLIENT_SECRET",
                "HERALD_WRITEBACK_PREVIOUS_SECRET", "HERALD_CONSOLE_SESSION_SECRET", "HERALD_OPERATOR_KEYS");
    }
}
