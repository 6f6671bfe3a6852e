package io.herald.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.clock.RestoreSafeRandom;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * A process restored from a SnapStart snapshot draws random numbers of its own before it serves (the secrets it
 * holds are checked by {@link io.herald.config.ssm.SecretsSinceStartup}, see its test).
 */
class SnapStartRestoreTest {

    @Test
    void aRestoredProcessReseedsItsRandomNumbers() {
        RandomGenerator snapshotted = RestoreSafeRandom.current();

        new SnapStartRestore().restored(new SmallRyeConfigBuilder().build());

        assertThat(RestoreSafeRandom.current()).isNotSameAs(snapshotted);
    }
}
