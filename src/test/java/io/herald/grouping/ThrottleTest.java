package io.herald.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.domain.Channel;
import io.herald.domain.GroupIds;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A throttled rule ({@code grouping/rules-throttle.yaml}: at most 3 progress reports an hour to each of ops by
 * e-mail) sends up to its limit at once and folds the rest into a digest sent when the hour is over; a critical
 * report is sent at once whatever the count. Time is the test clock's; digests are made by explicit sweeps only.
 */
@QuarkusTest
@TestProfile(ThrottleTest.ThrottledRules.class)
class ThrottleTest {

    public static class ThrottledRules extends TestClockProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("herald.rules.file", "classpath:grouping/rules-throttle.yaml");
            return overrides;
        }
    }

    static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private static final String RULE = "job-progress";

    @Inject
    TestClock clock;

    @Inject
    SlaSweep sweep;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private ObjectNode report(String job, int n, String severity) {
        ObjectNode event = Herald.sample("integration-job-failed");
        event.put("type", "integration.job.progress");
        event.put("subject", "job/" + job);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("transactionId", job + "-" + n);
        data.put("severity", severity);
        return event;
    }

    private JsonPath postAt(ObjectNode event, Instant at) {
        clock.set(at);
        return RecordFailures.post(event, at);
    }

    private void sweepAt(Instant at) {
        clock.set(at);
        sweep.sweep();
        Herald.awaitIdle();
    }

    /** The digest announcements number {@code n} to frank and grace. */
    private static List<Map<String, Object>> digest(int n) {
        return RecordFailures.OPS.stream().flatMap(person -> Herald.submissionsFor(
                GroupIds.of(RULE, List.of(), person, Channel.EMAIL) + "/" + n).stream()).toList();
    }

    private static int sentFor(List<ObjectNode> events) {
        return events.stream().mapToInt(e -> Herald.submissionsFor(e.get("id").asText()).size()).sum();
    }

    @Test
    void overTheLimitIsFoldedIntoADigestWhenThePeriodEndsAndUrgentGoesAtOnce() {
        String job = "export-" + UUID.randomUUID().toString().substring(0, 8);
        List<ObjectNode> reports = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            reports.add(report(job, i, "normal"));
        }
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.addAll(postAt(reports.get(i), T0.plusSeconds(i)).getList("notifications.status", String.class));
        }
        ObjectNode critical = report(job, 5, "critical");
        postAt(critical, T0.plusSeconds(10));
        Herald.awaitIdle();

        assertThat(statuses).containsExactly("pending", "pending", "pending", "pending", "pending", "pending",
                "grouped", "grouped", "grouped", "grouped");
        assertThat(sentFor(reports.subList(0, 3))).as("three each to frank and grace, at once").isEqualTo(6);
        assertThat(sentFor(reports.subList(3, 5))).as("over the limit: not sent on their own").isZero();
        assertThat(Herald.submissionsFor(critical.get("id").asText())).as("critical: at once").hasSize(2);

        sweepAt(T0.plus(Duration.ofMinutes(59)));
        assertThat(digest(1)).as("no digest before the hour is over").isEmpty();

        sweepAt(T0.plus(Duration.ofHours(1)));
        assertThat(digest(1)).hasSize(2).allSatisfy(email -> {
            assertThat(email.get("subject")).isEqualTo("[Digest] 2 more message(s) of job-progress");
            assertThat((String) email.get("text")).contains("(" + reports.get(3).get("id").asText() + ")")
                    .contains("(" + reports.get(4).get("id").asText() + ")");
        });

        ObjectNode nextHour = report(job, 6, "normal");
        postAt(nextHour, T0.plus(Duration.ofHours(1)).plusSeconds(1));
        Herald.awaitIdle();
        sweepAt(T0.plus(Duration.ofHours(3)));
        assertThat(Herald.submissionsFor(nextHour.get("id").asText())).as("a new hour, sent at once").hasSize(2);
        assertThat(digest(2)).as("nothing more was folded").isEmpty();
    }
}
