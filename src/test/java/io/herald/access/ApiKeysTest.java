package io.herald.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** API keys are recognised by their SHA-256, and only configured ones. */
class ApiKeysTest {

    // printf '%s' ops-key-4b0c7e1d9a2f48e3b6d5c0a19f7e2d38 | sha256sum
    private static final String KEY = "ops-key-4b0c7e1d9a2f48e3b6d5c0a19f7e2d38";
    private static final String KEY_SHA256 = "765876f68585018980aa468163f44ec5f1d18f946e5e250b3db9abe7d78673bc";

    private static ApiKeys keys(Map<String, OperatorConfig.Key> keys) {
        return new ApiKeys(keys);
    }

    private static OperatorConfig.Key key(String sha256, Access access) {
        return new OperatorConfig.Key() {
            @Override
            public String sha256() {
                return sha256;
            }

            @Override
            public Access access() {
                return access;
            }
        };
    }

    @Test
    void aConfiguredKeyNamesItsOperatorAndAccess() {
        ApiKeys keys = keys(Map.of("ops", key(KEY_SHA256, Access.OPERATE)));

        assertThat(keys.identify(KEY)).contains(new Operator("key:ops", Access.OPERATE));
    }

    @Test
    void anUnknownKeyOrTheHashItselfIsNotAnOperator() {
        ApiKeys keys = keys(Map.of("ops", key(KEY_SHA256, Access.OPERATE)));

        assertThat(keys.identify("ops-key-4b0c7e1d9a2f48e3b6d5c0a19f7e2d39")).isEmpty();
        assertThat(keys.identify(KEY_SHA256)).isEmpty();
    }

    @Test
    void aMalformedHashStopsStartupWithoutShowingIt() {
        assertThatThrownBy(() -> keys(Map.of("ops", key("not-a-hash", Access.READ))))
                .hasMessageContaining("herald.operator.keys.ops.sha256 must be 64 hex digits")
                .hasMessageNotContaining("not-a-hash");
    }

    @Test
    void operateAccessIncludesRead() {
        assertThat(Access.OPERATE.allows(Access.READ)).isTrue();
        assertThat(Access.READ.allows(Access.OPERATE)).isFalse();
    }
}
