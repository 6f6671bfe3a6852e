package io.herald.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** After a reseed each thread draws from a generator seeded afresh, not from the one it had. */
class RestoreSafeRandomTest {

    @Test
    void aThreadKeepsItsGeneratorUntilAReseedAndGetsANewOneAfter() {
        RandomGenerator before = RestoreSafeRandom.current();
        assertThat(RestoreSafeRandom.current()).isSameAs(before);

        RestoreSafeRandom.reseed();

        assertThat(RestoreSafeRandom.current()).isNotSameAs(before);
    }

    @Test
    void generatorsSeededAfreshDrawDifferentNumbers() throws Exception {
        long[] here = draws(RestoreSafeRandom.current());
        long[] elsewhere = CompletableFuture.supplyAsync(() -> draws(RestoreSafeRandom.current())).get();
        RestoreSafeRandom.reseed();
        long[] afterReseed = draws(RestoreSafeRandom.current());

        assertThat(elsewhere).isNotEqualTo(here);
        assertThat(afterReseed).isNotEqualTo(here).isNotEqualTo(elsewhere);
    }

    private static long[] draws(RandomGenerator random) {
        return LongStream.generate(random::nextLong).limit(4).toArray();
    }
}
