package io.herald.config.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The parameters a process read its secrets from at start-up are read again and compared, so that a process
 * restored from an old snapshot knows which of its secrets were overwritten since.
 */
class SecretsSinceStartupTest {

    private final SsmStub ssm = new SsmStub();

    @AfterEach
    void stopStub() {
        ssm.close();
    }

    @Test
    void aParameterOverwrittenSinceStartUpIsNamedByItsSetting() {
        ssm.with("/herald/xconnector-secret", "xc-at-start").with("/herald/writeback-secret", "wb-at-start");
        SmallRyeConfig config = started(Map.of("HERALD_XCONNECTOR_SECRET_SSM_PARAMETER", "/herald/xconnector-secret",
                "HERALD_WRITEBACK_SECRET_SSM_PARAMETER", "/herald/writeback-secret"));
        assertThat(SecretsSinceStartup.changed(config)).isEmpty();

        ssm.with("/herald/xconnector-secret", "xc-rotated-in-place");

        assertThat(SecretsSinceStartup.changed(config)).containsExactly("HERALD_XCONNECTOR_SECRET");
        assertThat(config.getValue("HERALD_XCONNECTOR_SECRET", String.class)).as("what the process still has")
                .isEqualTo("xc-at-start");
    }

    @Test
    void withoutSecretsFromSsmNothingIsAsked() {
        SmallRyeConfig config = started(Map.of());

        assertThat(SecretsSinceStartup.changed(config)).isEmpty();
        assertThat(ssm.requests()).isEmpty();
    }

    @Test
    void aParameterThatCannotBeReadAnyMoreIsAnErrorNamingIt() {
        ssm.with("/herald/writeback-secret", "wb-at-start");
        SmallRyeConfig config = started(Map.of("HERALD_WRITEBACK_SECRET_SSM_PARAMETER", "/herald/writeback-secret"));
        ssm.refusing("AccessDeniedException");

        assertThatThrownBy(() -> SecretsSinceStartup.changed(config)).hasMessageContaining("/herald/writeback-secret")
                .hasMessageNotContaining("wb-at-start");
    }

    private SmallRyeConfig started(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("herald.secrets.ssm.endpoint", ssm.endpoint());
        all.put("herald.secrets.ssm.region", "eu-central-1");
        all.put("herald.secrets.ssm.access-key-id", "test-key-id");
        all.put("herald.secrets.ssm.secret-access-key", "test-secret-key");
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(all, "test", 250))
                .withSources(new SsmSecretsConfigSourceFactory(() -> true))
                .build();
    }
}
