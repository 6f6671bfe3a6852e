package io.herald.notifier.opentext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.notifier.SendFailure;
import io.herald.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpenTextTokensTest {

    private static final Duration SKEW = Duration.ofSeconds(60);

    private final TestClock clock = TestClock.at(Instant.parse("2024-05-02T10:00:00Z"));

    /** Hands out t1, t2, ... with a fixed lifetime, optionally slowly. */
    private static final class CountingSource implements TokenSource {

        final AtomicInteger fetches = new AtomicInteger();
        private final Duration lifetime;
        private final long delayMs;

        CountingSource(Duration lifetime, long delayMs) {
            this.lifetime = lifetime;
            this.delayMs = delayMs;
        }

        @Override
        public IssuedToken fetch() {
            if (delayMs > 0) {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new IssuedToken("t" + fetches.incrementAndGet(), lifetime);
        }
    }

    @Test
    void tokenIsReusedUntilTheSkewBeforeItExpires() throws Exception {
        CountingSource source = new CountingSource(Duration.ofHours(1), 0);
        OpenTextTokens tokens = new OpenTextTokens(source, SKEW, clock);

        assertThat(tokens.token()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(3599 - 60));
        assertThat(tokens.token()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.token()).isEqualTo("t2");
        assertThat(source.fetches).hasValue(2);
    }

    @Test
    void tokenLivingShorterThanTheSkewIsReusedForHalfItsLifetime() throws Exception {
        CountingSource source = new CountingSource(Duration.ofSeconds(30), 0);
        OpenTextTokens tokens = new OpenTextTokens(source, SKEW, clock);

        tokens.token();
        clock.advance(Duration.ofSeconds(14));
        assertThat(tokens.token()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.token()).isEqualTo("t2");
    }

    @Test
    void tokenWithoutStatedLifetimeIsNotReused() throws Exception {
        CountingSource source = new CountingSource(Duration.ZERO, 0);
        OpenTextTokens tokens = new OpenTextTokens(source, SKEW, clock);

        assertThat(tokens.token()).isEqualTo("t1");
        assertThat(tokens.token()).isEqualTo("t2");
    }

    @Test
    void invalidatedTokenIsReplacedOnNextUse() throws Exception {
        CountingSource source = new CountingSource(Duration.ofHours(1), 0);
        OpenTextTokens tokens = new OpenTextTokens(source, SKEW, clock);

        tokens.invalidate(tokens.token());

        assertThat(tokens.token()).isEqualTo("t2");
    }

    @Test
    void invalidatingAnOlderTokenKeepsTheFreshOne() throws Exception {
        CountingSource source = new CountingSource(Duration.ofHours(1), 0);
        OpenTextTokens tokens = new OpenTextTokens(source, SKEW, clock);
        tokens.invalidate(tokens.token());
        tokens.token();

        tokens.invalidate("t1");

        assertThat(tokens.token()).isEqualTo("t2");
        assertThat(source.fetches).hasValue(2);
    }

    @Test
    void failedFetchIsPassedOnAndTheNextCallTriesAgain() throws Exception {
        SendFailure down = new SendFailure(true, 503, null, "HTTP 503");
        AtomicInteger calls = new AtomicInteger();
        TokenSource flaky = () -> {
            if (calls.incrementAndGet() == 1) {
                throw down;
            }
            return new IssuedToken("t-after-outage", Duration.ofHours(1));
        };
        OpenTextTokens tokens = new OpenTextTokens(flaky, SKEW, clock);

        assertThatThrownBy(tokens::token).isSameAs(down);
        assertThat(tokens.token()).isEqualTo("t-after-outage");
    }

    @Test
    void concurrentCallersShareOneFetch() throws Exception {
        CountingSource slow = new CountingSource(Duration.ofHours(1), 200);
        OpenTextTokens tokens = new OpenTextTokens(slow, SKEW, clock);
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return tokens.token();
                }));
            }
            start.countDown();
            for (Future<String> result : results) {
                assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo("t1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(slow.fetches).hasValue(1);
    }
}
