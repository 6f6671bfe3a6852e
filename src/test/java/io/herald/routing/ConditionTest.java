package io.herald.routing;

import static io.herald.routing.TestEvents.builder;
import static io.herald.routing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.herald.events.RoutableEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class ConditionTest {

    private static boolean holds(String condition, CloudEvent event) {
        return Condition.compile("test-rule", condition).test(new RoutableEvent(event));
    }

    private static boolean holds(String condition, String jsonData) {
        return holds(condition, event("some.type", jsonData));
    }

    @Test
    void readsContextAttributesAndExtensions() {
        CloudEvent event = builder("order.created").withSubject("vip").withExtension("region", "EMEA").build();

        assertThat(holds("subject = 'vip' AND region = 'EMEA' AND type LIKE 'order.%'", event)).isTrue();
        assertThat(holds("subject = 'standard'", event)).isFalse();
    }

    @Test
    void readsNestedDataFields() {
        String data = """
                {"amount": 12000, "currency": "EUR", "order": {"region": "EMEA", "lines": [{"sku": "A-1"}]}}""";

        assertThat(holds("data.amount > 10000 AND data.currency = 'EUR'", data)).isTrue();
        assertThat(holds("data.order.region = 'EMEA'", data)).isTrue();
        assertThat(holds("data.order.lines.0.sku = 'A-1'", data)).isTrue();
        assertThat(holds("data.amount > 20000", data)).isFalse();
    }

    @Test
    void missingDataFieldMakesTheConditionFalse() {
        assertThat(holds("data.amount > 10000", "{\"currency\": \"EUR\"}")).isFalse();
        assertThat(holds("NOT (data.region = 'EMEA')", "{}")).isFalse();
        assertThat(holds("data.amount > 10000", event("some.type"))).isFalse();
    }

    @Test
    void existsGuardsOptionalDataFields() {
        assertThat(holds("EXISTS data.region", "{\"region\": \"EMEA\"}")).isTrue();
        assertThat(holds("EXISTS data.region", "{}")).isFalse();
        assertThat(holds("NOT EXISTS data.region OR data.region = 'EMEA'", "{}")).isTrue();
    }

    @Test
    void nullObjectsAndArraysCountAsMissing() {
        assertThat(holds("EXISTS data.a OR EXISTS data.b OR EXISTS data.c", "{\"a\": null, \"b\": {}, \"c\": []}"))
                .isFalse();
    }

    @Test
    void booleansAndNumericStringsKeepCesqlSemantics() {
        assertThat(holds("data.approved = TRUE", "{\"approved\": true}")).isTrue();
        assertThat(holds("data.approved", "{\"approved\": false}")).isFalse();
        assertThat(holds("data.count > 5", "{\"count\": \"7\"}")).isTrue();
    }

    @Test
    void nonIntegralNumbersAreRoundedDown() {
        assertThat(holds("data.amount >= 10000", "{\"amount\": 10000.99}")).isTrue();
        assertThat(holds("data.amount = 10000", "{\"amount\": 10000.99}")).isTrue();
        assertThat(holds("data.amount < 0", "{\"amount\": -0.5}")).isTrue();
        assertThat(holds("data.amount > 10000", "{\"amount\": 10000.5}")).isFalse();
    }

    @Test
    void numbersBeyondThirtyTwoBitsAreClamped() {
        assertThat(holds("data.amount > 2000000000", "{\"amount\": 9000000000}")).isTrue();
        assertThat(holds("data.amount < -2000000000", "{\"amount\": -9000000000}")).isTrue();
    }

    @Test
    void dataReferencesInsideStringLiteralsAreLeftAlone() {
        CloudEvent event = builder("t").withSubject("data.amount")
                .withDataContentType("application/json")
                .withData("{\"amount\": 1}".getBytes(StandardCharsets.UTF_8)).build();

        assertThat(holds("subject = 'data.amount' AND data.amount = 1", event)).isTrue();
        assertThat(holds("subject = \"data.amount\"", event)).isTrue();
        assertThat(holds("subject = 'it''s data.amount'", event)).isFalse();
    }

    @Test
    void evaluationErrorIsNoMatch() {
        assertThat(holds("data.amount > 10", "{\"amount\": \"a lot\"}")).isFalse();
        assertThat(holds("data.amount / 0 = 1", "{\"amount\": 5}")).isFalse();
    }

    @Test
    void failureIsLoggedWithTheRuleNameButNoEventValue() {
        List<String> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(Condition.class.getName());
        logger.addHandler(handler);
        try {
            Condition.compile("payments-over-limit", "data.amount > 10")
                    .test(new RoutableEvent(event("t", "{\"amount\": \"IBAN DE02 1203\"}")));
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(logged).singleElement().asString()
                .contains("Rule 'payments-over-limit'")
                .contains("data.amount")
                .doesNotContain("IBAN");
    }

    @Test
    void nonBooleanResultIsNoMatch() {
        assertThat(holds("data.amount + 1", "{\"amount\": 5}")).isFalse();
    }

    @Test
    void dataThatIsNotJsonHasNoFields() {
        CloudEvent text = builder("t").withDataContentType("text/plain")
                .withData("amount=5".getBytes(StandardCharsets.UTF_8)).build();
        CloudEvent broken = builder("t").withDataContentType("application/json")
                .withData("{amount".getBytes(StandardCharsets.UTF_8)).build();

        assertThat(holds("EXISTS data.amount", text)).isFalse();
        assertThat(holds("EXISTS data.amount", broken)).isFalse();
    }

    @Test
    void syntaxErrorNamesTheDataReferenceAsWritten() {
        assertThatThrownBy(() -> Condition.compile("r", "data.amount = 1 data.currency"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot parse")
                .hasMessageContaining("'data.currency'")
                .hasMessageNotContaining(DataReferences.PREFIX);
    }

    @Test
    void unknownFunctionIsRefusedAtCompileTime() {
        assertThatThrownBy(() -> Condition.compile("r", "subject = 'x' AND SHOUT(data.name) = 'X'"))
                .hasMessage("unknown function 'SHOUT'");
        assertThat(holds("LOWER(data.name) = 'ann' AND (TRUE)", "{\"name\": \"ANN\"}")).isTrue();
    }

    @Test
    void reservedIdentifiersAndStrayCharactersAreRefused() {
        assertThatThrownBy(() -> Condition.compile("r", "heralddata0 = 'x'")).hasMessageContaining("reserved");
        assertThatThrownBy(() -> Condition.compile("r", "subject = 'x'; DROP")).hasMessageContaining("';'");
        assertThatThrownBy(() -> Condition.compile("r", "subject.id = 'x'")).hasMessageContaining("'.'");
        assertThatThrownBy(() -> Condition.compile("r", "subject = 'x")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> Condition.compile("r", "data = 'x'")).hasMessageContaining("must name a field");
    }
}
