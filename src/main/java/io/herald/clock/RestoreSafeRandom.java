package io.herald.clock;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Random numbers for jitter that stay random when a process is copied. A process restored from a SnapStart snapshot
 * holds the random generators of the process that was snapshotted, so every copy would draw the same "random"
 * delays and retry in step; {@link #reseed} after a restore gives each thread a generator seeded afresh from the
 * operating system.
 */
public final class RestoreSafeRandom {

    private static final SecureRandom SEEDS = new SecureRandom();
    private static final ThreadLocal<Seeded> GENERATORS = new ThreadLocal<>();
    private static volatile long generation;

    private record Seeded(long generation, SplittableRandom random) {
    }

    private RestoreSafeRandom() {
    }

    /** This thread's generator, seeded afresh since the last {@link #reseed}. Not to be shared between threads. */
    public static RandomGenerator current() {
        long now = generation;
        Seeded seeded = GENERATORS.get();
        if (seeded == null || seeded.generation() != now) {
            seeded = new Seeded(now, new SplittableRandom(SEEDS.nextLong()));
            GENERATORS.set(seeded);
        }
        return seeded.random();
    }

    /** Makes every thread seed a new generator on its next draw. */
    public static void reseed() {
        generation++;
    }
}
