package io.herald.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.http.HttpRequest;
import io.herald.http.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A number with a huge exponent is refused by the reader in well under 100 ms, before anything could store it
 * (the intake function stores only what the reader returns).
 */
class HugeNumberReadingTest {

    private static final Duration BOUND = Duration.ofMillis(100);

    private final CloudEventReader reader = new CloudEventReader(
            TestIntakeConfig.withSender("erp", "s", null, null), new ObjectMapper());

    @ParameterizedTest
    @ValueSource(strings = {"1e20000000", "1e100000000", "-1e-99999999", "1E+999999999999999999"})
    void hugeExponentIsRefusedAtOnceNamingThePath(String number) {
        reader.read(structured("1"));

        long start = System.nanoTime();
        assertThatThrownBy(() -> reader.read(structured(number)))
                .isInstanceOfSatisfying(ProblemException.class, refused -> {
                    assertThat(refused.problem().status()).isEqualTo(400);
                    assertThat(refused.problem().detail()).contains("/data/amount").contains("byte");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e308", "-1.7976931348623157e308", "4.9e-324", "0e999999999", "12500.75"})
    void numbersADoubleHoldsAreAccepted(String number) {
        assertThat(reader.read(structured(number))).hasSize(1);
    }

    private static HttpRequest structured(String amount) {
        String body = "{\"specversion\":\"1.0\",\"id\":\"n-1\",\"source\":\"/xconnector/erp/test\","
                + "\"type\":\"erp.invoice.exception\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"amount\":" + amount + "}}";
        return new HttpRequest("POST", "/events", Map.of("content-type", List.of(CloudEventReader.STRUCTURED)),
                Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }
}
