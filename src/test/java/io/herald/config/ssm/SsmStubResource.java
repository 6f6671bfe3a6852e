package io.herald.config.ssm;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts an SSM stub holding the write-back secret, and names its parameter the way a deployment does, through
 * {@code HERALD_WRITEBACK_SECRET_SSM_PARAMETER} (as configuration: a test cannot set its own environment).
 */
public class SsmStubResource implements QuarkusTestResourceLifecycleManager {

    static final String PARAMETER = "/herald/test/writeback-secret";
    static final String VALUE = "writeback-secret-from-ssm";

    static SsmStub ssm;

    @Override
    public Map<String, String> start() {
        ssm = new SsmStub().with(PARAMETER, VALUE);
        return Map.of(
                "HERALD_WRITEBACK_SECRET_SSM_PARAMETER", PARAMETER,
                "herald.secrets.ssm.endpoint", ssm.endpoint(),
                "herald.secrets.ssm.region", "eu-central-1",
                "herald.secrets.ssm.access-key-id", "test-key-id",
                "herald.secrets.ssm.secret-access-key", "test-secret-key");
    }

    @Override
    public void stop() {
        if (ssm != null) {
            ssm.close();
        }
    }
}
