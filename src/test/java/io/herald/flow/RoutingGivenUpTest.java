package io.herald.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.herald.audit.AuditTrail;
import io.herald.domain.AuditEntry;
import io.herald.domain.EventKey;
import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import io.herald.intake.RoutingFailures;
import io.herald.recovery.StoredWorkWaker;
import io.herald.sla.ClockChanges;
import io.herald.sla.SlaPolicies;
import io.herald.store.Store;
import io.herald.store.TaskStore;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An event stored but whose routing fails every time (here: its SLA clock change cannot be written) is tried
 * {@code herald.routing.max-attempts} times, by redeliveries and sweeps together, then given up: status FAILED, one
 * integration-failure alert, and nothing routes it again.
 */
@QuarkusTest
class RoutingGivenUpTest {

    private static final String POISON = "poison-";

    @Inject
    SlaPolicies policies;

    @Inject
    TaskStore tasks;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Store store;

    @Inject
    StoredWorkWaker storedWork;

    @ConfigProperty(name = "herald.routing.max-attempts")
    int maxAttempts;

    @BeforeEach
    void routingOfPoisonEventsFails() {
        QuarkusMock.installMockForType(new ClockChanges(policies, tasks, audit, clock) {
            @Override
            public void apply(StoredEvent event, CloudEvent cloudEvent) {
                if (event.id().startsWith(POISON)) {
                    throw new IllegalStateException("the task store refused the write");
                }
                super.apply(event, cloudEvent);
            }
        }, ClockChanges.class);
    }

    @Test
    void redeliveredEventIsGivenUpAfterItsLastAttemptWithOneAlert() {
        ObjectNode event = poisonEvent();
        EventKey key = keyOf(event);

        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            Herald.post(event).then().statusCode(503);
        }
        Herald.post(event).then().statusCode(202).body("status", equalTo("failed"));
        Herald.post(event).then().statusCode(202).body("status", equalTo("failed")).body("duplicate", equalTo(true));

        int alerts = awaitAlertDelivered(key);
        assertThat(store.findEvent(key).orElseThrow().status()).isEqualTo(EventStatus.FAILED);
        assertThat(steps(key, "routing-failed")).isEqualTo(maxAttempts);
        assertThat(steps(key, "routing-given-up")).isEqualTo(1);
        assertThat(Herald.submissionsFor(RoutingFailures.alertId(key))).hasSize(alerts);
    }

    @Test
    void eventTheSweepKeepsFailingToRouteIsGivenUpAndNotTriedAgain() {
        ObjectNode event = poisonEvent();
        EventKey key = keyOf(event);
        Herald.post(event).then().statusCode(503);

        for (int sweep = 1; sweep < maxAttempts; sweep++) {
            sweepEverything();
        }
        int alerts = awaitAlertDelivered(key);
        sweepEverything();
        Herald.post(event).then().statusCode(202).body("status", equalTo("failed"));

        assertThat(store.findEvent(key).orElseThrow().status()).isEqualTo(EventStatus.FAILED);
        assertThat(steps(key, "routing-failed")).as("not tried after it was given up").isEqualTo(maxAttempts);
        assertThat(Herald.submissionsFor(RoutingFailures.alertId(key))).hasSize(alerts);
    }

    private void sweepEverything() {
        Instant now = clock.instant();
        storedWork.wake(now.plus(Duration.ofDays(1)), now, 1000, "sweep");
    }

    /** @return how many alert notifications went out, all delivered */
    private static int awaitAlertDelivered(EventKey key) {
        String alertId = RoutingFailures.alertId(key);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonPath alert = Herald.event(RoutingFailures.SOURCE, alertId);
            return alert != null && !alert.getList("notifications").isEmpty()
                    && alert.getList("notifications.status").stream().allMatch("DELIVERED"::equals);
        });
        JsonPath alert = Herald.event(RoutingFailures.SOURCE, alertId);
        assertThat(new JsonPath(alert.getString("event.data")).getString("errorMessage"))
                .contains("the task store refused the write");
        return alert.getList("notifications").size();
    }

    private long steps(EventKey key, String step) {
        return store.auditOf(key).stream().map(AuditEntry::step).filter(step::equals).count();
    }

    /** A customer's reply about a case record resumes its SLA clocks: routing it changes a clock, which fails. */
    private static ObjectNode poisonEvent() {
        ObjectNode event = Herald.sample("case-customer-replied");
        event.put("id", POISON + event.get("id").asText());
        ((ObjectNode) event.get("data")).put("system", "service-cloud").put("entityType", "case")
                .put("entityId", "CS-5521");
        return event;
    }

    private static EventKey keyOf(ObjectNode event) {
        return new EventKey(event.get("source").asText(), event.get("id").asText());
    }
}
