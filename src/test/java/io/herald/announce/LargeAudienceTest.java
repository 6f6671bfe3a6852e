package io.herald.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.recovery.StartupRecovery;
import io.herald.simulator.opentext.OpenTextSimulator;
import io.herald.simulator.opentext.RecordedDestination;
import io.herald.simulator.opentext.RecordedSubmission;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * An announcement to a group of {@value LargeAudience#MEMBERS} people is sent in pages and addresses each of them
 * exactly once, although Herald restarted in the middle of publishing and sending it ({@link LargeAudience}) and one
 * page's submission fails and is retried.
 */
@QuarkusTest
@TestProfile(LargeAudienceTest.AfterARestart.class)
class LargeAudienceTest {

    public static class AfterARestart implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LargeAudience.class));
        }
    }

    @Inject
    StartupRecovery recovery;

    @Inject
    OpenTextSimulator simulator;

    @Test
    void eachOfFiveThousandMembersIsAddressedExactlyOnceAcrossARestartAndAFailedPage() {
        Herald.faults("{\"failNext\":1,\"failStatus\":503,\"retryAfterSeconds\":0}");

        recovery.recover();

        await().atMost(Duration.ofSeconds(120)).until(() -> sent(listing()) == LargeAudience.MEMBERS);
        Herald.awaitIdle();
        List<RecordedSubmission> submissions = simulator.submissions().stream()
                .filter(s -> LargeAudience.EVENT_ID.equals(s.customerReference())).toList();
        int sentBefore = LargeAudience.SENT_PAGES * LargeAudience.PAGE_SIZE;
        assertThat(submissions).hasSize(LargeAudience.PAGES - LargeAudience.SENT_PAGES)
                .allSatisfy(s -> assertThat(s.destinations()).hasSize(LargeAudience.PAGE_SIZE));
        List<String> addressed = new ArrayList<>();
        submissions.forEach(s -> s.destinations().stream().map(RecordedDestination::address).forEach(addressed::add));
        // the pages sent before the restart, to the first members, are not sent again
        List<String> expected = IntStream.rangeClosed(sentBefore + 1, LargeAudience.MEMBERS)
                .mapToObj(LargeAudience::address).toList();
        assertThat(addressed).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
        Map<String, Long> perAddress = addressed.stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        assertThat(perAddress.values()).containsOnly(1L);

        JsonPath listed = listing();
        assertThat(listed.getInt("pageCount")).isEqualTo(LargeAudience.PAGES);
        assertThat(listed.getInt("members")).isEqualTo(LargeAudience.MEMBERS);
        assertThat(listed.getInt("counts.sent")).isEqualTo(LargeAudience.MEMBERS);
        List<String> jobs = listed.getList("pages.jobId");
        assertThat(jobs.subList(0, LargeAudience.SENT_PAGES)).allMatch(job -> job.startsWith("job-before-restart-"));
        List<Integer> attempts = listed.getList("pages.attempts", Integer.class);
        // one success per page sent after the restart, plus the failed submission and the dead process's claim
        int resent = LargeAudience.PAGES - LargeAudience.SENT_PAGES;
        assertThat(attempts.subList(LargeAudience.SENT_PAGES, LargeAudience.PAGES).stream()
                .mapToInt(Integer::intValue).sum()).isEqualTo(resent + 2);

        // Pages sent by this process have their deliveries checked; those sent before the restart were never
        // checked here, so their members still await a report.
        int sentAfter = LargeAudience.MEMBERS - sentBefore;
        await().atMost(Duration.ofSeconds(60)).until(() -> listing().getInt("states.delivered") == sentAfter);
        assertThat(listing().getInt("states.sent")).isEqualTo(sentBefore);
        List<Integer> answerSizes = new ArrayList<>();
        List<String> awaiting = new ArrayList<>();
        String after = null;
        do {
            var request = Herald.http().queryParam("status", "sent").queryParam("limit", sentBefore);
            JsonPath answer = (after == null ? request : request.queryParam("after", after))
                    .get("/announcements/" + LargeAudience.ANNOUNCEMENT + "/recipients").then().statusCode(200)
                    .extract().jsonPath();
            List<String> users = answer.getList("recipients.user");
            answerSizes.add(users.size());
            awaiting.addAll(users);
            after = answer.getString("next");
        } while (after != null);
        // the first answer fills its limit on page 10; each later one reads at most 20 of the 50 pages
        assertThat(answerSizes).containsExactly(sentBefore, 0, 0, 0);
        assertThat(awaiting).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, sentBefore)
                .mapToObj(LargeAudience::member).toList());
    }

    private static JsonPath listing() {
        return Herald.http().queryParam("pages", "100").get("/announcements/" + LargeAudience.ANNOUNCEMENT).then()
                .statusCode(200).extract().jsonPath();
    }

    private static int sent(JsonPath listing) {
        return listing.getInt("counts.sent");
    }
}
