package io.herald.routing;

import static io.herald.routing.TestEvents.builder;
import static io.herald.routing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.directory.yaml.YamlDirectory;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Which rules match an event: type, source and condition. */
class RouterMatchingTest {

    private static final YamlDirectory DIRECTORY = YamlDirectory.load("classpath:routing/directory.yaml");
    private final Router router = new Router(RuleSet.load("classpath:routing/rules-matching.yaml", DIRECTORY),
            DIRECTORY);

    @Test
    void exactTypeMatchesOnlyThatType() {
        assertThat(router.route(event("order.created")).matchedRules()).containsExactly("exact-type");
        assertThat(router.route(event("order.created.v2")).matchedRules()).isEmpty();
    }

    @Test
    void typePrefixMatchesEveryTypeStartingWithIt() {
        assertThat(router.route(event("shipment.delayed")).matchedRules()).containsExactly("type-prefix");
        assertThat(router.route(event("shipment.")).matchedRules()).containsExactly("type-prefix");
        assertThat(router.route(event("shipments.delayed")).matchedRules()).isEmpty();
    }

    @Test
    void sourceMustMatchExactlyOrByPrefix() {
        assertThat(router.route(builder("invoice.posted").withSource(URI.create("/erp/finance")).build())
                .matchedRules()).containsExactly("exact-source");
        assertThat(router.route(builder("invoice.posted").withSource(URI.create("/erp/finance/eu")).build())
                .matchedRules()).isEmpty();
        assertThat(router.route(builder("invoice.posted").withSource(URI.create("/crm/eu")).build())
                .matchedRules()).containsExactly("source-prefix");
    }

    @Test
    void conditionOverContextAttributes() {
        assertThat(router.route(builder("ticket.opened").withSubject("vip").build()).matchedRules())
                .containsExactly("subject-condition");
        assertThat(router.route(builder("ticket.opened").withSubject("other").build()).matchedRules()).isEmpty();
        assertThat(router.route(event("ticket.opened")).matchedRules()).isEmpty();
    }

    @Test
    void conditionOverData() {
        assertThat(router.route(event("payment.received", "{\"amount\": 25000, \"currency\": \"EUR\"}"))
                .matchedRules()).containsExactly("big-euro-payment");
        assertThat(router.route(event("payment.received", "{\"amount\": 25000, \"currency\": \"USD\"}"))
                .matchedRules()).isEmpty();
    }

    @Test
    void conditionOverNestedData() {
        assertThat(router.route(event("order.created", "{\"order\": {\"region\": \"EMEA\"}}")).matchedRules())
                .containsExactly("exact-type", "emea-order");
        assertThat(router.route(event("order.created", "{\"order\": {\"region\": \"APAC\"}}")).matchedRules())
                .containsExactly("exact-type");
    }

    @Test
    void missingDataFieldMeansNoMatch() {
        assertThat(router.route(event("payment.received", "{\"currency\": \"EUR\"}")).matchedRules()).isEmpty();
        assertThat(router.route(event("order.created", "{\"order\": {}}")).matchedRules())
                .containsExactly("exact-type");
    }

    @Test
    void unroutedEventGivesAnEmptyPlan() {
        RoutingPlan plan = router.route(TestEvents.fromResource("unknown-type.json"));

        assertThat(plan).isEqualTo(RoutingPlan.empty());
        assertThat(plan.routed()).isFalse();
    }
}
