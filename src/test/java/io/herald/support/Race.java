package io.herald.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs contenders on threads of their own, released at the same moment, and collects every outcome. */
public final class Race {

    @FunctionalInterface
    public interface Contender<T> {
        /** @param index which contender this is, from 0 */
        T run(int index) throws Exception;
    }

    private Race() {
    }

    /** @return the outcomes in contender order; fails if any contender failed or took over 30 seconds */
    public static <T> List<T> run(int contenders, Contender<T> contender) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            CountDownLatch ready = new CountDownLatch(contenders);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return contender.run(index);
                }));
            }
            ready.await();
            go.countDown();
            List<T> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
