package io.herald.config.ssm;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;

/**
 * Reads the secrets a deployment names in SSM Parameter Store when the application starts, so their values are
 * in neither the deployment's state nor the function's configuration.
 *
 * <p>For every setting {@code <NAME>_SSM_PARAMETER=<parameter>} (normally an environment variable, e.g.
 * {@code HERALD_XCONNECTOR_SECRET_SSM_PARAMETER=/herald/xconnector-secret}) the decrypted value of the parameter
 * is offered as {@code <NAME>}, exactly as if the environment held {@code <NAME>=<value>}. What a caller may rely
 * on:
 * <ul>
 * <li>no such setting: no source, no AWS client, no call (local mode and tests need no AWS);</li>
 * <li>otherwise every named parameter is read once, at start-up, in one {@code GetParameters} call per ten
 * names, with decryption;</li>
 * <li>a parameter that is missing or unreadable, or a call that fails, stops start-up with a message naming the
 * parameter and its setting, never a value; values are not logged.</li>
 * </ul>
 * The names are looked for in every configuration source read before this factory runs, not only in the
 * environment: the process cannot change its own environment, so tests (and servers started with
 * {@code -D}) name parameters with system properties or test configuration.
 *
 * <p>The client uses the region and credentials of the AWS default chains ({@code AWS_REGION} and the execution
 * role in Lambda). {@code herald.secrets.ssm.endpoint}, {@code region}, {@code access-key-id} and
 * {@code secret-access-key} override them, for an SSM look-alike.
 *
 * <p>Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}. Quarkus runs such factories
 * when it builds the artifact too; this one calls SSM only when the runtime configuration is built as the
 * application starts (Lambda's init phase), never at build time nor in a native image's static initialisation.
 */
public final class SsmSecretsConfigSourceFactory implements ConfigSourceFactory {

    /** The suffix that turns a setting into the name of a parameter holding the setting without it. */
    public static final String SUFFIX = "_SSM_PARAMETER";

    static final String ENDPOINT = "herald.secrets.ssm.endpoint";
    static final String REGION = "herald.secrets.ssm.region";
    static final String ACCESS_KEY_ID = "herald.secrets.ssm.access-key-id";
    static final String SECRET_ACCESS_KEY = "herald.secrets.ssm.secret-access-key";

    private final BooleanSupplier starting;

    /** The factory Quarkus finds: it reads parameters only while the application starts (runtime init). */
    public SsmSecretsConfigSourceFactory() {
        this(() -> ExecutionMode.current() == ExecutionMode.RUNTIME_INIT
                || ExecutionMode.current() == ExecutionMode.RUNNING);
    }

    /**
     * @param starting whether the configuration is being built for a starting application. Quarkus also runs
     *                 discovered factories while it builds the artifact (and a native image's static
     *                 initialisation runs at build time); there no call is made, so no value can end up in the
     *                 artifact.
     */
    SsmSecretsConfigSourceFactory(BooleanSupplier starting) {
        this.starting = starting;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!starting.getAsBoolean()) {
            return List.of();
        }
        Map<String, String> parameters = parameterNames(context);
        if (parameters.isEmpty()) {
            return List.of();
        }
        try (SsmClient ssm = client(name -> value(context, name))) {
            return List.of(new SsmSecretsConfigSource(new SsmParameterReader(ssm).read(parameters)));
        }
    }

    /** Setting without the suffix => parameter name, for every non-empty {@code *_SSM_PARAMETER} setting. */
    static Map<String, String> parameterNames(ConfigSourceContext context) {
        return parameterNames(context.iterateNames(), name -> value(context, name));
    }

    /**
     * The same over any configuration: its setting names, and their trimmed values (null for none or blank).
     */
    static Map<String, String> parameterNames(Iterator<String> names, Function<String, String> value) {
        Map<String, String> parameters = new TreeMap<>();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.endsWith(SUFFIX) || name.length() == SUFFIX.length() || name.startsWith("%")) {
                continue;
            }
            String parameter = value.apply(name);
            if (parameter != null) {
                parameters.put(name.substring(0, name.length() - SUFFIX.length()), parameter);
            }
        }
        return parameters;
    }

    /** A client with the region, credentials and endpoint the settings give, else AWS's default chains. */
    static SsmClient client(Function<String, String> value) {
        SsmClientBuilder builder = SsmClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(5)));
        String endpoint = value.apply(ENDPOINT);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        String region = value.apply(REGION);
        if (region != null) {
            builder.region(Region.of(region));
        }
        String accessKeyId = value.apply(ACCESS_KEY_ID);
        String secretAccessKey = value.apply(SECRET_ACCESS_KEY);
        if (accessKeyId != null && secretAccessKey != null) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
        }
        return builder.build();
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null
                : value.getValue().trim();
    }
}
