package io.herald.config.ssm;

import io.smallrye.config.EnvConfigSource;
import java.util.Map;

/**
 * Secrets read from SSM Parameter Store, offered under the names of the environment variables they stand for.
 *
 * <p>It matches names the way the environment does, so a secret offered as {@code HERALD_WRITEBACK_SECRET} answers
 * both {@code ${HERALD_WRITEBACK_SECRET}} in application.properties and the property
 * {@code herald.writeback.secret} itself. Its ordinal is just below the environment's: a variable set directly
 * still wins, as it would if the deployment handed the value over itself.
 */
final class SsmSecretsConfigSource extends EnvConfigSource {

    static final String NAME = "SsmSecretsConfigSource";
    static final int ORDINAL = EnvConfigSource.ORDINAL - 10;

    SsmSecretsConfigSource(Map<String, String> secrets) {
        super(secrets, ORDINAL);
    }

    @Override
    public String getName() {
        return NAME;
    }
}
