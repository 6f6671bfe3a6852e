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
 * The parameters a process read its secrets from at start-up are read again, so that a process restored from an
 * old snapshot answers with the values they hold now and knows which of its secrets were overwritten since.
 */
class SsmSecretsRefreshTest {

    private final SsmStub ssm = new SsmStub();

    @AfterEach
    void stopStub() {
        ssm.close();
    }

    @Test
    void aParameterOverwrittenSinceStartUpIsNamedByItsSettingAndItsNewValueServed() {
        ssm.with("/herald/xconnector-secret", "xc-at-start").with("/herald/writeback-secret", "wb-at-start");
        SmallRyeConfig config = started(Map.of("HERALD_XCONNECTOR_SECRET_SSM_PARAMETER", "/herald/xconnector-secret",
                "HERALD_WRITEBACK_SECRET_SSM_PARAMETER", "/herald/writeback-secret"));
        assertThat(SsmSecretsRefresh.reread(config)).isEmpty();

        ssm.with("/herald/xconnector-secret", "xc-rotated-in-place");
        assertThat(config.getValue("HERALD_XCONNECTOR_SECRET", String.class)).as("before reading again")
                .isEqualTo("xc-at-start");

        assertThat(SsmSecretsRefresh.reread(config)).containsExactly("HERALD_XCONNECTOR_SECRET");
        assertThat(config.getValue("HERALD_XCONNECTOR_SECRET", String.class)).isEqualTo("xc-rotated-in-place");
        assertThat(config.getValue("herald.xconnector.secret", String.class)).as("matched as the environment is")
                .isEqualTo("xc-rotated-in-place");
        assertThat(config.getValue("HERALD_WRITEBACK_SECRET", String.class)).isEqualTo("wb-at-start");
    }

    @Test
    void withoutSecretsFromSsmNothingIsAsked() {
        SmallRyeConfig config = started(Map.of());

        assertThat(SsmSecretsRefresh.reread(config)).isEmpty();
        assertThat(ssm.requests()).isEmpty();
    }

    @Test
    void aParameterThatCannotBeReadAnyMoreIsAnErrorNamingItAndTheValuesStay() {
        ssm.with("/herald/writeback-secret", "wb-at-start");
        SmallRyeConfig config = started(Map.of("HERALD_WRITEBACK_SECRET_SSM_PARAMETER", "/herald/writeback-secret"));
        ssm.refusing("AccessDeniedException");

        assertThatThrownBy(() -> SsmSecretsRefresh.reread(config)).hasMessageContaining("/herald/writeback-secret")
                .hasMessageNotContaining("wb-at-start");
        assertThat(config.getValue("HERALD_WRITEBACK_SECRET", String.class)).isEqualTo("wb-at-start");
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
