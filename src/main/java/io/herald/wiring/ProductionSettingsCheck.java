package io.herald.wiring;

import io.herald.config.RunMode;
import io.herald.notifier.opentext.OpenTextConfig;
import io.herald.writeback.WriteBackConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Refuses to start in production with a setting only fit for local mode, naming every such setting at once: a
 * secret that is missing, is a sample shipped for local mode or is too short; no store kind, or an unknown one (a
 * server would otherwise keep its events in a file where it happens to run); a callback base URL that is not https
 * or is a loopback address; an outside-facing URL that points at a simulator. Runs before anything else observes
 * start-up, so no event is taken with such settings.
 *
 * <p>A Lambda function gets only the secrets {@code functions.yaml} lists for it, so in Lambda only those are
 * required; a server runs every function and needs them all.
 */
@ApplicationScoped
class ProductionSettingsCheck {

    private static final Logger LOG = Logger.getLogger(ProductionSettingsCheck.class);

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup, RunMode mode,
            FunctionsManifest manifest, ConfiguredSecrets secrets, OpenTextConfig openText, WriteBackConfig writeBack,
            @ConfigProperty(name = "herald.callback.base-url") String callbackBaseUrl,
            @ConfigProperty(name = "quarkus.lambda.handler") String lambdaHandler,
            @ConfigProperty(name = "herald.store.kind") Optional<String> storeKind) {
        if (mode.local()) {
            LOG.warn("local mode: simulators served, sample secrets in use, operator endpoints open; "
                    + "never expose this process beyond this machine");
            return;
        }
        List<String> problems = new ArrayList<>();
        Set<String> samples = ShippedSamples.values();
        for (String env : neededSecrets(manifest, System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null, lambdaHandler)) {
            for (ConfiguredSecrets.Value secret : secrets.of(env)) {
                secretProblem(secret, env, samples).ifPresent(problems::add);
            }
        }
        storeKindProblem(storeKind).ifPresent(problems::add);
        callbackUrlProblem(callbackBaseUrl).ifPresent(problems::add);
        notSimulator("herald.opentext.auth-url", "HERALD_OPENTEXT_AUTH_URL", openText.authUrl(), problems);
        notSimulator("herald.opentext.messaging-url", "HERALD_OPENTEXT_MESSAGING_URL", openText.messagingUrl(),
                problems);
        notSimulator("herald.opentext.gateway-url", "HERALD_OPENTEXT_GATEWAY_URL", openText.gatewayUrl(), problems);
        notSimulator("herald.writeback.url", "HERALD_WRITEBACK_URL", writeBack.url(), problems);
        if (!problems.isEmpty()) {
            throw new ProductionSettingsProblem(problems);
        }
    }

    /** In Lambda, the secrets of the one function this deployment runs; on a server, those of every function. */
    static Set<String> neededSecrets(FunctionsManifest manifest, boolean lambda, String lambdaHandler) {
        Set<String> needed = new LinkedHashSet<>();
        manifest.functions().values().stream()
                .filter(function -> !lambda || function.handler().equals(lambdaHandler))
                .forEach(function -> needed.addAll(function.secrets()));
        return needed;
    }

    static Optional<String> secretProblem(ConfiguredSecrets.Value secret, String env, Set<String> samples) {
        String name = secret.property() + " (" + env + ")";
        if (secret.value().isEmpty()) {
            return secret.required() ? Optional.of(name + " is not set") : Optional.empty();
        }
        String value = secret.value().get();
        if (samples.contains(value)) {
            return Optional.of(name + " is a sample value shipped for local mode; set a secret of your own");
        }
        if (value.length() < secret.minLength()) {
            return Optional.of(name + " is shorter than " + secret.minLength() + " characters");
        }
        return Optional.empty();
    }

    static Optional<String> storeKindProblem(Optional<String> kind) {
        String name = "herald.store.kind (HERALD_STORE_KIND)";
        if (kind.isEmpty()) {
            return Optional.of(name + " is not set: choose postgresql or dynamodb, or h2 for a file store in "
                    + "HERALD_DATA_DIR");
        }
        if (!StoreProducer.KINDS.contains(kind.get())) {
            return Optional.of(name + " must be " + StoreProducer.KIND_CHOICES + ", not '" + kind.get() + "'");
        }
        return Optional.empty();
    }

    static Optional<String> callbackUrlProblem(String url) {
        String name = "herald.callback.base-url (HERALD_CALLBACK_BASE_URL)";
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return Optional.of(name + " is not a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return Optional.of(name + " must be an https URL: action links carry personal tokens");
        }
        if (LoopbackHosts.isLoopback(uri.getHost())) {
            return Optional.of(name + " is a loopback address: action links must open on people's "
                    + "devices; set the public URL of the callback routes");
        }
        return Optional.empty();
    }

    private static void notSimulator(String property, String env, String url, List<String> problems) {
        String path = pathOf(url);
        if (path.startsWith("/sim/") || path.equals("/sim")) {
            problems.add(property + " (" + env + ") points at a simulator, which production does not serve; "
                    + "set the real endpoint");
        }
    }

    private static String pathOf(String url) {
        try {
            String path = URI.create(url.trim()).getPath();
            return path == null ? "" : path;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
