package io.herald.notifier.opentext;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.notifier.SendFailure;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderFailuresTest {

    private static final String CLIENT_ID = "herald";
    private static final String SECRET = "s3cr3t-value";
    private static final String BEARER = "Bearer tok-abc123";

    private final ProviderFailures failures = new ProviderFailures(new SecretRedactor(CLIENT_ID, SECRET),
            Clock.fixed(Instant.parse("2024-05-02T10:00:00Z"), ZoneOffset.UTC));

    private static ProviderReply reply(int status, String body) {
        return new ProviderReply(status, "Reason", body, null);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 504})
    void throttlingAndServerErrorsAreRetryable(int status) {
        SendFailure failure = failures.rejected(reply(status, "{}"), BEARER);

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 422})
    void otherClientErrorsArePermanent(int status) {
        assertThat(failures.rejected(reply(status, "{}"), BEARER).retryable()).isFalse();
    }

    @Test
    void retryAfterHeaderBecomesTheRequestedWait() {
        SendFailure failure = failures.rejected(new ProviderReply(429, "Too Many Requests", "", "7"), BEARER);

        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void responseKeepsStatusLineAndBody() {
        SendFailure failure = failures.rejected(new ProviderReply(400, "Bad Request", "{\"error\":\"x\"}", null), BEARER);

        assertThat(failure.response()).isEqualTo("HTTP 400 Bad Request\n{\"error\":\"x\"}");
    }

    @Test
    void credentialsEchoedInTheBodyAreRedacted() {
        String basic = BasicCredentials.header(CLIENT_ID, SECRET);
        String echo = "secret=" + SECRET + " auth=" + BEARER + " basic=" + basic + " token=tok-abc123";

        SendFailure failure = failures.rejected(reply(400, echo), BEARER);

        assertThat(failure.response())
                .doesNotContain(SECRET, "tok-abc123", basic.substring("Basic ".length()))
                .contains(SecretRedactor.MASK);
    }

    @Test
    void longBodiesAreCutToTheLimit() {
        SendFailure failure = failures.rejected(reply(500, "x".repeat(50_000)), BEARER);

        assertThat(failure.response()).hasSizeLessThan(SendFailure.RESPONSE_LIMIT + 20).endsWith("[truncated]");
    }

    @Test
    void noAnswerIsRetryableWithStatusZero() {
        ProcessingException refused = new ProcessingException(new ConnectException("Connection refused"));

        SendFailure failure = failures.unreachable(refused, BEARER);

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.status()).isZero();
        assertThat(failure.response()).startsWith("no response").contains("Connection refused");
    }
}
