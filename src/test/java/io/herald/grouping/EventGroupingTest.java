package io.herald.grouping;

import static io.herald.grouping.RecordFailures.announcement;
import static io.herald.grouping.RecordFailures.announcementsUpTo;
import static io.herald.grouping.RecordFailures.emailSubject;
import static io.herald.grouping.RecordFailures.smsTexts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.herald.domain.EventKey;
import io.herald.domain.EventStatus;
import io.herald.domain.NotificationStatus;
import io.herald.domain.StoredEvent;
import io.herald.events.StoredEvents;
import io.herald.intake.EventRouting;
import io.herald.slasweep.SlaSweep;
import io.herald.store.Store;
import io.herald.support.Herald;
import io.herald.support.TestClock;
import io.herald.support.TestClockProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A flood of failures of one export reaches the on-call engineers as one message per channel that counts them,
 * then as updates no more often than the rule's interval (sample rule {@code integration-record-failures}: wait
 * 1m, interval 5m); an urgent failure is sent at once. Time is the test clock's, and announcements are made by
 * explicit sweeps only, so every message counted here was caused by one of them.
 */
@QuarkusTest
@TestProfile(TestClockProfile.class)
class EventGroupingTest {

    static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    SlaSweep sweep;

    @Inject
    EventRouting routing;

    @Inject
    Store store;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void sweepAt(Instant at) {
        clock.set(at);
        sweep.sweep();
        Herald.awaitIdle();
    }

    private JsonPath postAt(ObjectNode event, Instant at) {
        clock.set(at);
        return RecordFailures.post(event, at);
    }

    private static String system() {
        return "SAP S/4HANA " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void twoHundredFailuresWithinAMinuteMakeOneAlertSaying200AndOneUpdateOnlyAfterTheInterval() {
        String system = system();
        for (int i = 0; i < 200; i++) {
            JsonPath accepted = postAt(RecordFailures.failure(system, i), T0.plusMillis(250L * i));
            assertThat(accepted.getList("notifications.status", String.class)).as("event " + i)
                    .containsExactly("grouped", "grouped", "grouped", "grouped");
        }

        sweepAt(T0.plusSeconds(59));
        assertThat(announcementsUpTo(system, 3)).as("nothing before the wait is over").isZero();

        sweepAt(T0.plusSeconds(60));
        assertThat(announcement(system, 1)).as("one e-mail and one SMS to each of frank and grace").hasSize(4);
        assertThat(emailSubject(announcement(system, 1))).isEqualTo("[Integration failures] 200 in " + system
                + " / EDI-422");
        assertThat(smsTexts(announcement(system, 1))).hasSize(2)
                .allSatisfy(sms -> assertThat(sms).startsWith("200 integration failures in " + system)
                        .endsWith("latest TX-199: EDI-422"));
        assertThat(announcement(system, 1)).filteredOn(s -> "EMAIL".equals(s.get("channel")))
                .allSatisfy(email -> assertThat((String) email.get("text"))
                        .contains("200 integration failure(s) came in since 2026-12-01T02:00:00Z")
                        .contains("First:         TX-0 at 2026-12-01T02:00:00Z")
                        .contains("Latest:        TX-199 at 2026-12-01T02:00:49.750Z"));

        for (int i = 200; i < 205; i++) {
            postAt(RecordFailures.failure(system, i), T0.plusSeconds(70 + i - 200));
        }
        sweepAt(T0.plusSeconds(120));
        sweepAt(T0.plusSeconds(359));
        assertThat(announcementsUpTo(system, 3)).as("no update before the interval").isEqualTo(4);

        sweepAt(T0.plusSeconds(360));
        assertThat(announcement(system, 2)).hasSize(4);
        assertThat(emailSubject(announcement(system, 2))).isEqualTo("[Integration failures, update] 205 in "
                + system + " / EDI-422 (5 new)");

        sweepAt(T0.plusSeconds(420));
        sweepAt(T0.plus(Duration.ofHours(1)));
        assertThat(announcementsUpTo(system, 3)).as("nothing new, no further message").isEqualTo(8);
    }

    @Test
    void aCriticalFailureIsSentAtOnceWhileItsGroupWaits() {
        String system = system();
        for (int i = 0; i < 3; i++) {
            postAt(RecordFailures.failure(system, i), T0.plusSeconds(i));
        }
        ObjectNode critical = RecordFailures.critical(system);

        JsonPath accepted = postAt(critical, T0.plusSeconds(10));
        Herald.awaitIdle();

        assertThat(accepted.getList("notifications.status", String.class)).containsOnly("pending").hasSize(4);
        assertThat(Herald.submissionsFor(critical.get("id").asText())).as("sent without any sweep").hasSize(4)
                .allSatisfy(s -> assertThat(s.get("customerReference")).isEqualTo(critical.get("id").asText()));
        assertThat(announcementsUpTo(system, 2)).as("the group still waits").isZero();

        sweepAt(T0.plusSeconds(60));
        assertThat(emailSubject(announcement(system, 1))).isEqualTo("[Integration failures] 3 in " + system
                + " / EDI-422");
    }

    @Test
    void routingAnEventAgainDoesNotCountItTwice() {
        String system = system();
        ObjectNode first = RecordFailures.failure(system, 1);
        postAt(first, T0);
        postAt(RecordFailures.failure(system, 2), T0.plusSeconds(1));
        StoredEvent stored = store.findEvent(new EventKey(first.get("source").asText(), first.get("id").asText()))
                .orElseThrow();

        // as after a crash before the routing was recorded: the sweep or a redelivery routes it again
        routing.route(stored, StoredEvents.toCloudEvent(stored), true);
        Herald.post(Herald.bytes(first), "application/cloudevents+json", T0.plusSeconds(2), Herald.SECRET).then()
                .statusCode(202);

        sweepAt(T0.plusSeconds(61));
        assertThat(emailSubject(announcement(system, 1))).isEqualTo("[Integration failures] 2 in " + system
                + " / EDI-422");
    }

    @Test
    void aGroupedEventIsStoredWithItsRoutingInOneWriteAfterItsCount() {
        String system = system();
        ObjectNode failure = RecordFailures.failure(system, 1);
        postAt(failure, T0);
        StoredEvent stored = store.findEvent(new EventKey(failure.get("source").asText(),
                failure.get("id").asText())).orElseThrow();
        CloudEvent cloudEvent = StoredEvents.toCloudEvent(stored);

        assertThat(routing.writesOnlyNotifications(cloudEvent, routing.plan(cloudEvent))).isTrue();
        assertThat(stored.status()).isEqualTo(EventStatus.ROUTED);
        assertThat(store.notificationsOf(stored.key())).hasSize(4)
                .allMatch(n -> n.status() == NotificationStatus.GROUPED);
        sweepAt(T0.plusSeconds(60));
        assertThat(emailSubject(announcement(system, 1))).isEqualTo("[Integration failures] 1 in " + system
                + " / EDI-422");
    }
}
