package io.herald.routing;

import static io.herald.routing.TestEvents.builder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.herald.directory.yaml.YamlDirectory;
import io.herald.domain.Channel;
import io.herald.domain.Priority;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How the deliveries of several matching rules combine. */
class RouterDeliveriesTest {

    private static final YamlDirectory DIRECTORY = YamlDirectory.load("classpath:routing/directory.yaml");
    private static final CloudEvent CRITICAL_ALERT_FOR_BOB = TestEvents.event("alert.raised",
            "{\"level\": \"critical\", \"owner\": \"bob\"}");

    private final Router router = new Router(RuleSet.load("classpath:routing/rules-priority.yaml", DIRECTORY),
            DIRECTORY);

    @Test
    void everyMatchingRuleIsReportedInFileOrder() {
        RoutingPlan plan = router.route(CRITICAL_ALERT_FOR_BOB);

        assertThat(plan.matchedRules())
                .containsExactly("first-normal", "second-normal", "urgent-for-bob", "low-for-everyone");
    }

    @Test
    void eachPersonGetsOneDeliveryPerChannelFromTheHighestPriorityRule() {
        RoutingPlan plan = router.route(CRITICAL_ALERT_FOR_BOB);

        assertThat(plan.deliveries())
                .extracting(Delivery::userId, Delivery::channel, Delivery::rule, Delivery::template, Delivery::priority)
                .containsExactly(
                        tuple("bob", Channel.EMAIL, "urgent-for-bob", "urgent", Priority.URGENT),
                        tuple("bob", Channel.INAPP, "first-normal", "general", Priority.NORMAL),
                        tuple("alice", Channel.EMAIL, "first-normal", "general", Priority.NORMAL),
                        tuple("alice", Channel.INAPP, "first-normal", "general", Priority.NORMAL),
                        tuple("bob", Channel.SMS, "urgent-for-bob", "urgent", Priority.URGENT));
    }

    @Test
    void onEqualPriorityTheFirstRuleInTheFileWins() {
        RoutingPlan plan = router.route(TestEvents.event("alert.raised", "{\"level\": \"info\"}"));

        assertThat(plan.deliveries()).filteredOn(d -> d.userId().equals("bob") && d.channel() == Channel.EMAIL)
                .extracting(Delivery::rule)
                .containsExactly("first-normal");
    }

    @Test
    void eventDataIsParsedOnceForAllRulesAndReferences() {
        AtomicInteger reads = new AtomicInteger();
        byte[] json = "{\"level\": \"critical\", \"owner\": \"bob\"}".getBytes(StandardCharsets.UTF_8);
        CloudEventData countingData = () -> {
            reads.incrementAndGet();
            return json;
        };
        CloudEvent event = builder("alert.raised").withDataContentType("application/json").withData(countingData)
                .build();

        RoutingPlan plan = router.route(event);

        assertThat(plan.matchedRules()).contains("urgent-for-bob");
        assertThat(reads).hasValue(1);
    }

    @Test
    void dataIsNotReadWhenNoRuleNeedsIt() {
        AtomicInteger reads = new AtomicInteger();
        CloudEventData countingData = () -> {
            reads.incrementAndGet();
            return new byte[0];
        };

        router.route(builder("unrelated.event").withData(countingData).build());

        assertThat(reads).hasValue(0);
    }
}
