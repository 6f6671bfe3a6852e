package io.herald.config.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Secrets named by {@code *_SSM_PARAMETER} settings are read from SSM Parameter Store once, when the
 * configuration is built, and offered under the setting's name without the suffix.
 */
class SsmSecretsConfigSourceFactoryTest {

    private final SsmStub ssm = new SsmStub();

    @AfterEach
    void stopStub() {
        ssm.close();
    }

    @Test
    void secretsComeFromSsmParametersAtStartup() {
        ssm.with("/herald/writeback-secret", "wb-secret-from-ssm").with("/herald/xconnector-secret", "xc-from-ssm");

        SmallRyeConfig config = configWith(Map.of(
                "HERALD_WRITEBACK_SECRET_SSM_PARAMETER", "/herald/writeback-secret",
                "HERALD_XCONNECTOR_SECRET_SSM_PARAMETER", "/herald/xconnector-secret",
                // how application.properties refers to a secret, and a property read straight from the environment
                "herald.intake.senders.xconnector.secret", "${HERALD_XCONNECTOR_SECRET:local-only}"));

        assertThat(config.getValue("HERALD_WRITEBACK_SECRET", String.class)).isEqualTo("wb-secret-from-ssm");
        assertThat(config.getValue("herald.writeback.secret", String.class)).isEqualTo("wb-secret-from-ssm");
        assertThat(config.getValue("herald.intake.senders.xconnector.secret", String.class))
                .isEqualTo("xc-from-ssm");

        // the wire format of GetParameters (JSON 1.1 protocol), signed with SigV4 for SSM in the region
        assertThat(ssm.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/");
            assertThat(request.target()).isEqualTo("AmazonSSM.GetParameters");
            assertThat(request.contentType()).isEqualTo("application/x-amz-json-1.1");
            assertThat(request.authorization())
                    .startsWith("AWS4-HMAC-SHA256 Credential=test-key-id/")
                    .contains("/eu-central-1/ssm/aws4_request");
            assertThat(request.body()).isEqualTo(
                    "{\"Names\":[\"/herald/writeback-secret\",\"/herald/xconnector-secret\"],\"WithDecryption\":true}");
        });
    }

    @Test
    void upToTenParametersAreReadInOneCallAndMoreInBatchesOfTen() {
        Map<String, String> settings = new HashMap<>();
        for (int i = 1; i <= 12; i++) {
            String name = String.format("/herald/secret-%02d", i);
            ssm.with(name, "value-" + i);
            settings.put(String.format("SECRET_%02d_SSM_PARAMETER", i), name);
        }

        SmallRyeConfig config = configWith(settings);

        assertThat(config.getValue("SECRET_01", String.class)).isEqualTo("value-1");
        assertThat(config.getValue("SECRET_12", String.class)).isEqualTo("value-12");
        assertThat(ssm.requests()).extracting(request -> request.json().path("Names").size())
                .containsExactly(10, 2);
        assertThat(ssm.requests()).allSatisfy(request ->
                assertThat(request.json().path("WithDecryption").asBoolean()).isTrue());
    }

    @Test
    void aParameterNamedTwiceIsAskedForOnce() {
        ssm.with("/herald/action-token-key", "token-key-value");

        SmallRyeConfig config = configWith(Map.of("HERALD_ACTION_TOKEN_KEY_SSM_PARAMETER", "/herald/action-token-key",
                "OTHER_KEY_SSM_PARAMETER", "/herald/action-token-key"));

        assertThat(config.getValue("HERALD_ACTION_TOKEN_KEY", String.class)).isEqualTo("token-key-value");
        assertThat(config.getValue("OTHER_KEY", String.class)).isEqualTo("token-key-value");
        assertThat(ssm.requests()).singleElement().satisfies(request -> assertThat(request.body())
                .isEqualTo("{\"Names\":[\"/herald/action-token-key\"],\"WithDecryption\":true}"));
    }

    @Test
    void aMissingParameterStopsStartUpNamingItAndItsSettingButNoValue() {
        ssm.with("/herald/writeback-secret", "wb-secret-from-ssm");

        assertThatThrownBy(() -> configWith(Map.of(
                "HERALD_WRITEBACK_SECRET_SSM_PARAMETER", "/herald/writeback-secret",
                "HERALD_XCONNECTOR_SECRET_SSM_PARAMETER", "/herald/no-such-secret")))
                .hasMessageContaining("/herald/no-such-secret")
                .hasMessageContaining("HERALD_XCONNECTOR_SECRET")
                .satisfies(e -> assertThat(messages(e)).doesNotContain("wb-secret-from-ssm"));
    }

    @Test
    void aRefusedCallStopsStartUpNamingTheParameters() {
        ssm.with("/herald/writeback-secret", "wb-secret-from-ssm").refusing("AccessDeniedException");

        assertThatThrownBy(() -> configWith(Map.of(
                "HERALD_WRITEBACK_SECRET_SSM_PARAMETER", "/herald/writeback-secret")))
                .hasMessageContaining("/herald/writeback-secret")
                .hasMessageContaining("HERALD_WRITEBACK_SECRET")
                .hasMessageContaining("not authorized")
                .satisfies(e -> assertThat(messages(e)).doesNotContain("wb-secret-from-ssm"));
    }

    @Test
    void withoutParameterSettingsNothingIsAskedOfSsm() {
        ssm.with("/herald/writeback-secret", "wb-secret-from-ssm");

        SmallRyeConfig config = configWith(Map.of("HERALD_WRITEBACK_SECRET", "set-directly"));

        assertThat(config.getValue("HERALD_WRITEBACK_SECRET", String.class)).isEqualTo("set-directly");
        assertThat(config.getConfigSources()).extracting(source -> source.getName())
                .doesNotContain(SsmSecretsConfigSource.NAME);
        assertThat(ssm.requests()).isEmpty();
    }

    @Test
    void whileQuarkusBuildsTheArtifactNothingIsAskedOfSsm() {
        ssm.with("/herald/writeback-secret", "wb-secret-from-ssm");

        // the factory as Quarkus finds it, outside a starting application (as in Quarkus' build)
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(stubSettings(Map.of(
                        "HERALD_WRITEBACK_SECRET_SSM_PARAMETER", "/herald/writeback-secret")), "test", 250))
                .withSources(new SsmSecretsConfigSourceFactory()).build();

        assertThat(config.getOptionalValue("HERALD_WRITEBACK_SECRET", String.class)).isEmpty();
        assertThat(ssm.requests()).isEmpty();
    }

    @Test
    void aSecretSetDirectlyInTheEnvironmentWinsOverItsParameter() {
        ssm.with("/herald/writeback-secret", "wb-secret-from-ssm");

        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(stubSettings(Map.of(
                        "HERALD_WRITEBACK_SECRET_SSM_PARAMETER", "/herald/writeback-secret")), "test", 250))
                .withSources(new io.smallrye.config.EnvConfigSource(Map.of("HERALD_WRITEBACK_SECRET", "from-env"),
                        io.smallrye.config.EnvConfigSource.ORDINAL))
                .withSources(new SsmSecretsConfigSourceFactory(() -> true)).build();

        assertThat(config.getValue("herald.writeback.secret", String.class)).isEqualTo("from-env");
    }

    @Test
    void parameterNamesAndClientSettingsAreReadFromEnvironmentVariables() {
        ssm.with("/herald/writeback-secret", "wb-secret-from-ssm");
        Map<String, String> environment = Map.of(
                "HERALD_WRITEBACK_SECRET_SSM_PARAMETER", "/herald/writeback-secret",
                "HERALD_SECRETS_SSM_ENDPOINT", ssm.endpoint(),
                "HERALD_SECRETS_SSM_REGION", "eu-west-1",
                "HERALD_SECRETS_SSM_ACCESS_KEY_ID", "env-key-id",
                "HERALD_SECRETS_SSM_SECRET_ACCESS_KEY", "env-secret-key");

        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new io.smallrye.config.EnvConfigSource(environment,
                        io.smallrye.config.EnvConfigSource.ORDINAL))
                .withSources(new SsmSecretsConfigSourceFactory(() -> true)).build();

        assertThat(config.getValue("herald.writeback.secret", String.class)).isEqualTo("wb-secret-from-ssm");
        assertThat(ssm.requests()).singleElement().satisfies(request -> assertThat(request.authorization())
                .startsWith("AWS4-HMAC-SHA256 Credential=env-key-id/").contains("/eu-west-1/ssm/aws4_request"));
    }

    /** Configuration from the settings, pointed at the stub with static test credentials, and the factory. */
    private SmallRyeConfig configWith(Map<String, String> settings) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(stubSettings(settings), "test", 250))
                .withSources(new SsmSecretsConfigSourceFactory(() -> true))
                .build();
    }

    private Map<String, String> stubSettings(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("herald.secrets.ssm.endpoint", ssm.endpoint());
        all.put("herald.secrets.ssm.region", "eu-central-1");
        all.put("herald.secrets.ssm.access-key-id", "test-key-id");
        all.put("herald.secrets.ssm.secret-access-key", "test-secret-key");
        return all;
    }

    /** The messages of an exception and all its causes. */
    private static List<String> messages(Throwable e) {
        List<String> messages = new java.util.ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }
}
