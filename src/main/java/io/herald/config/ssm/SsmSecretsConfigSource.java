package io.herald.config.ssm;

import io.smallrye.config.EnvConfigSource;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Secrets read from SSM Parameter Store, offered under the names of the environment variables they stand for.
 *
 * <p>It matches names the way the environment does, so a secret offered as {@code HERALD_WRITEBACK_SECRET} answers
 * both {@code ${HERALD_WRITEBACK_SECRET}} in application.properties and the property
 * {@code herald.writeback.secret} itself. Its ordinal is just below the environment's: a variable set directly
 * still wins, as it would if the deployment handed the value over itself. Its values are replaced as a whole when
 * the parameters are read again (after a SnapStart restore), so a lookup sees either all old or all new values.
 */
final class SsmSecretsConfigSource implements ConfigSource {

    static final String NAME = "SsmSecretsConfigSource";
    static final int ORDINAL = EnvConfigSource.ORDINAL - 10;

    private volatile EnvConfigSource secrets;

    SsmSecretsConfigSource(Map<String, String> secrets) {
        replace(secrets);
    }

    /** Offers these values from now on, in place of the ones read before. */
    void replace(Map<String, String> values) {
        this.secrets = new EnvConfigSource(Map.copyOf(values), ORDINAL);
    }

    @Override
    public Map<String, String> getProperties() {
        return secrets.getProperties();
    }

    @Override
    public Set<String> getPropertyNames() {
        return secrets.getPropertyNames();
    }

    @Override
    public String getValue(String propertyName) {
        return secrets.getValue(propertyName);
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
