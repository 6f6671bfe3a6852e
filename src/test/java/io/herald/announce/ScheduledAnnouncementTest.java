package io.herald.announce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.slasweep.SlaSweep;
import io.herald.support.Herald;
import io.herald.support.TestClock;
import io.herald.support.TestClockProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An announcement with a send-at time goes out when the sweep finds it due, not before; one whose expiry passes
 * while it waits is recorded expired and never sent. Time is the test clock's and sweeps are explicit, so every
 * submission counted here was caused by one of them.
 */
@QuarkusTest
@TestProfile(TestClockProfile.class)
class ScheduledAnnouncementTest {

    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    SlaSweep sweep;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anAnnouncementIsSentByTheFirstSweepAfterItsSendAtTime() {
        ObjectNode event = announcement(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(3)));
        String id = publishAt(event, T0);
        assertThat(AnnouncementsTest.listing(id).getInt("counts.pending")).isEqualTo(15);

        sweepAt(T0.plus(Duration.ofMinutes(59)));

        assertThat(Herald.submissionsFor(event.get("id").asText())).isEmpty();
        assertThat(AnnouncementsTest.listing(id).getInt("counts.pending")).isEqualTo(15);

        sweepAt(T0.plus(Duration.ofHours(1)));

        assertThat(Herald.submissionsFor(event.get("id").asText())).hasSize(6);
        JsonPath listed = AnnouncementsTest.listing(id);
        assertThat(listed.getInt("counts.sent")).isEqualTo(15);
    }

    @Test
    void anAnnouncementWhoseExpiryPassedWhileItWaitedIsRecordedExpiredAndNotSent() {
        ObjectNode event = announcement(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofMinutes(90)));
        String id = publishAt(event, T0);

        sweepAt(T0.plus(Duration.ofHours(2)));

        assertThat(Herald.submissionsFor(event.get("id").asText())).isEmpty();
        JsonPath listed = AnnouncementsTest.listing(id);
        assertThat(listed.getInt("counts.expired")).isEqualTo(15);
        assertThat(listed.getList("pages.status")).containsOnly("expired");
        assertThat(listed.getList("pages.attempts", Integer.class)).containsOnly(1);
    }

    private static ObjectNode announcement(Instant sendAt, Instant expiresAt) {
        ObjectNode event = AnnouncementsTest.announcement("everyone");
        ((ObjectNode) event.get("data")).put("sendAt", sendAt.toString()).put("expiresAt", expiresAt.toString());
        return event;
    }

    private String publishAt(ObjectNode event, Instant at) {
        clock.set(at);
        JsonPath answer = Herald.post(Herald.bytes(event), "application/cloudevents+json", at, Herald.SECRET).then()
                .statusCode(202).extract().jsonPath();
        assertThat(answer.getString("announcements[0].status")).isEqualTo("scheduled");
        return answer.getString("announcements[0].id");
    }

    private void sweepAt(Instant at) {
        clock.set(at);
        sweep.sweep();
        Herald.awaitIdle();
    }
}
