package io.herald.wiring;

import io.herald.access.ConsoleSessionConfig;
import io.herald.access.OperatorConfig;
import io.herald.intake.IntakeConfig;
import io.herald.links.ActionTokenConfig;
import io.herald.notifier.opentext.OpenTextConfig;
import io.herald.writeback.WriteBackConfig;
import io.smallrye.config.Secret;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every secret setting Herald has, grouped by the environment variable {@code functions.yaml} lists under a
 * function's {@code secrets}, with its current value. Values stay inside the start-up check; they are never
 * printed.
 */
@ApplicationScoped
class ConfiguredSecrets {

    /** Herald's own HMAC keys: no fewer than 32 characters (256 bits when random). */
    static final int HMAC_KEY_LENGTH = 32;

    /** An operator's key is configured as the 64 hex digits of its SHA-256. */
    static final int SHA256_HEX_LENGTH = 64;

    /**
     * One setting holding a secret.
     *
     * @param required whether the function needing it cannot run without it (a previous secret is optional)
     * @param minLength the shortest value accepted; a secret another system issues is taken as issued
     */
    record Value(String property, Optional<String> value, boolean required, int minLength) {
    }

    private final IntakeConfig intake;
    private final ActionTokenConfig tokens;
    private final WriteBackConfig writeBack;
    private final OpenTextConfig openText;
    private final Optional<String> webhookSecret;
    private final Optional<String> taskIdSecret;
    private final ConsoleSessionConfig consoleSessions;
    private final OperatorConfig operators;

    ConfiguredSecrets(IntakeConfig intake, ActionTokenConfig tokens, WriteBackConfig writeBack,
            OpenTextConfig openText,
            @ConfigProperty(name = "herald.callback.status-webhook-secret") Optional<String> webhookSecret,
            @ConfigProperty(name = "herald.tasks.id-secret") Optional<String> taskIdSecret,
            ConsoleSessionConfig consoleSessions, OperatorConfig operators) {
        this.operators = operators;
        this.consoleSessions = consoleSessions;
        this.intake = intake;
        this.tokens = tokens;
        this.writeBack = writeBack;
        this.openText = openText;
        this.webhookSecret = webhookSecret;
        this.taskIdSecret = taskIdSecret;
    }

    /** The settings behind one environment variable of {@code functions.yaml}, or none for an unknown name. */
    List<Value> of(String env) {
        return switch (env) {
            case "HERALD_XCONNECTOR_SECRET" -> senders();
            case "HERALD_ACTION_TOKEN_KEY" -> tokenKeys();
            case "HERALD_OPENTEXT_WEBHOOK_SECRET" -> List.of(
                    hmacKey("herald.callback.status-webhook-secret", webhookSecret, true));
            case "HERALD_WRITEBACK_SECRET" -> List.of(
                    hmacKey("herald.writeback.secret", writeBack.secret().map(Secret::get), true));
            case "HERALD_WRITEBACK_PREVIOUS_SECRET" -> List.of(
                    hmacKey("herald.writeback.previous-secret", writeBack.previousSecret(), false));
            case "HERALD_TASK_ID_SECRET" -> List.of(hmacKey("herald.tasks.id-secret", taskIdSecret, true));
            case "HERALD_CONSOLE_SESSION_SECRET" -> List.of(
                    hmacKey("herald.console.session.secret", consoleSessions.secret(), true));
            case "HERALD_OPERATOR_KEYS" -> operatorKeys();
            case "HERALD_OPENTEXT_CLIENT_SECRET" -> List.of(new Value("herald.opentext.client-secret",
                    openText.clientSecret().map(Secret::get), true, 1));
            default -> List.of();
        };
    }

    private List<Value> senders() {
        List<Value> values = new ArrayList<>();
        for (Map.Entry<String, IntakeConfig.Sender> sender : intake.senders().entrySet()) {
            String prefix = "herald.intake.senders." + sender.getKey();
            values.add(hmacKey(prefix + ".secret", sender.getValue().secret(), true));
            values.add(hmacKey(prefix + ".previous-secret", sender.getValue().previousSecret(), false));
        }
        return values;
    }

    /**
     * The hashes of the operators' API keys. A function that checks operators itself (the console in the cloud,
     * where API Gateway lets its requests through) must know at least one key, or an identity provider, so that
     * nobody is let in without one.
     */
    private List<Value> operatorKeys() {
        List<Value> values = new ArrayList<>();
        operators.keys().forEach((name, key) -> values.add(new Value("herald.operator.keys." + name + ".sha256",
                Optional.of(key.sha256()), true, SHA256_HEX_LENGTH)));
        if (values.isEmpty() && !operators.oidc().enabled()) {
            values.add(new Value("herald.operator.keys.<name>.sha256", Optional.empty(), true, SHA256_HEX_LENGTH));
        }
        return values;
    }

    private List<Value> tokenKeys() {
        List<Value> values = new ArrayList<>();
        ActionTokenConfig.Key active = tokens.keys().get(tokens.activeKey());
        values.add(hmacKey(keyProperty(tokens.activeKey()),
                active == null ? Optional.empty() : active.secret(), true));
        tokens.keys().forEach((id, key) -> {
            if (!id.equals(tokens.activeKey())) {
                values.add(hmacKey(keyProperty(id), key.secret(), false));
            }
        });
        return values;
    }

    private static String keyProperty(String id) {
        return "herald.callback.tokens.keys." + id + ".secret";
    }

    private static Value hmacKey(String property, Optional<String> value, boolean required) {
        return new Value(property, value, required, HMAC_KEY_LENGTH);
    }
}
