package io.herald.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The environment of a proper server deployment: every secret its own, real (here: unreachable) endpoints. */
public final class ServerEnvironment {

    // Operators' keys and their SHA-256 (computed with sha256sum, as bin/operator-key prints them).
    public static final String OPERATE_KEY = "ops-key-4b0c7e1d9a2f48e3b6d5c0a19f7e2d38";
    public static final String OPERATE_KEY_SHA256 = "765876f68585018980aa468163f44ec5f1d18f946e5e250b3db9abe7d78673bc";
    public static final String READ_KEY = "grafana-key-71d3e0b2c4a64f5e9d8c7b6a5f4e3d2c";
    public static final String READ_KEY_SHA256 = "26bfc3d4613990d98df836b5478cae1cd4f6a26dd9e08ff52e4ac65b3e15e6c8";
    public static final String RETIRED_KEY = "retired-key-0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    public static final String RETIRED_KEY_SHA256 = "64d077b68f508c282ff1183db3659ff3616b7c2422a868f728999ec1456bb3b2";

    private ServerEnvironment() {
    }

    public static Map<String, String> proper() {
        Map<String, String> env = new HashMap<>();
        env.put("HERALD_XCONNECTOR_SECRET", "xc-" + UUID.randomUUID() + "-" + UUID.randomUUID());
        env.put("HERALD_ACTION_TOKEN_KEY", "tk-" + UUID.randomUUID() + "-" + UUID.randomUUID());
        env.put("HERALD_OPENTEXT_WEBHOOK_SECRET", "wh-" + UUID.randomUUID() + "-" + UUID.randomUUID());
        env.put("HERALD_WRITEBACK_SECRET", "wb-" + UUID.randomUUID() + "-" + UUID.randomUUID());
        env.put("HERALD_TASK_ID_SECRET", "id-" + UUID.randomUUID() + "-" + UUID.randomUUID());
        env.put("HERALD_CONSOLE_SESSION_SECRET", "session-" + UUID.randomUUID() + "-" + UUID.randomUUID());
        env.put("HERALD_OPENTEXT_CLIENT_SECRET", "client-" + UUID.randomUUID());
        env.put("HERALD_OPENTEXT_TENANT_ID", "acme");
        env.put("HERALD_OPENTEXT_CLIENT_ID", "herald");
        // port 9 (discard) answers nothing here: nothing is sent in these tests
        env.put("HERALD_OPENTEXT_AUTH_URL", "http://127.0.0.1:9");
        env.put("HERALD_OPENTEXT_MESSAGING_URL", "http://127.0.0.1:9");
        env.put("HERALD_OPENTEXT_GATEWAY_URL", "http://127.0.0.1:9");
        env.put("HERALD_WRITEBACK_URL", "http://127.0.0.1:9/writebacks");
        env.put("HERALD_CALLBACK_BASE_URL", "https://herald.example.com");
        env.put("HERALD_OPERATOR_KEYS_OPS_SHA256", OPERATE_KEY_SHA256);
        env.put("HERALD_OPERATOR_KEYS_OPS_ACCESS", "operate");
        env.put("HERALD_OPERATOR_KEYS_GRAFANA_SHA256", READ_KEY_SHA256);
        env.put("HERALD_STORE_KIND", "h2");
        env.put("HERALD_DATA_DIR",
                Path.of("target", "production-it", UUID.randomUUID().toString()).toAbsolutePath().toString());
        return env;
    }
}
