package io.herald.routing;

import static io.herald.routing.TestEvents.builder;
import static io.herald.routing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.config.ConfigurationProblem;
import io.herald.directory.User;
import io.herald.directory.yaml.YamlDirectory;
import io.herald.domain.Channel;
import io.herald.domain.Priority;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whom an {@code announce} rule addresses, when, under which key, and what withdraws it. */
class RouterAnnouncementsTest {

    private static final YamlDirectory DIRECTORY = YamlDirectory.load(YamlDirectory.SAMPLE);
    private final Router router = new Router(RuleSet.load("classpath:routing/rules-announce.yaml", DIRECTORY),
            DIRECTORY);

    private static List<String> members(PlannedAnnouncement announcement) {
        return announcement.members().stream().map(User::id).toList();
    }

    @Test
    void everyoneTheAudienceNamesIsAddressedOnceInIdOrder() {
        RoutingPlan plan = router.route(event("announce.staff", "{}"));

        assertThat(plan.deliveries()).isEmpty();
        assertThat(plan.matchedRules()).containsExactly("staff-and-finance");
        PlannedAnnouncement announced = plan.announcements().get(0);
        // alice and bob are in the group and the team: once each
        assertThat(members(announced)).containsExactly("alice", "bob", "carol", "dave", "erin", "frank", "grace",
                "heidi");
        assertThat(announced.channels()).containsExactly(Channel.EMAIL, Channel.INAPP);
        assertThat(announced.priority()).isEqualTo(Priority.HIGH);
        assertThat(announced.pageSize()).isEqualTo(3);
        assertThat(announced.template()).isEqualTo("announcement");
    }

    @Test
    void whereAloneChoosesEveryUserWithThoseAttributes() {
        PlannedAnnouncement announced = router.route(event("announce.amer", "{}")).announcements().get(0);

        assertThat(members(announced)).containsExactly("carol", "grace");
    }

    @Test
    void whereNarrowsAnEntryToThoseWithEveryAttribute() {
        PlannedAnnouncement announced = router.route(event("announce.narrowed", "{\"team\": \"finance\"}"))
                .announcements().get(0);

        assertThat(members(announced)).containsExactly("alice", "bob", "dave", "erin", "grace", "heidi");
    }

    @Test
    void theKeyIsReadFromTheRulesPathElseTheSubjectElseTheId() {
        assertThat(router.route(event("announce.amer", "{\"announcementId\": \"ANN-7\"}")).announcements().get(0)
                .key()).isEqualTo("ANN-7");
        assertThat(router.route(builder("announce.staff").withId("e-1").withSubject("announcement/ANN-8").build())
                .announcements().get(0).key()).isEqualTo("announcement/ANN-8");
        assertThat(router.route(builder("announce.staff").withId("e-2").build()).announcements().get(0).key())
                .isEqualTo("e-2");
    }

    @Test
    void sendAtAndExpiresAtAreReadAsRfc3339Times() {
        PlannedAnnouncement announced = router.route(event("announce.staff",
                "{\"sendAt\": \"2026-06-08T10:00:00+02:00\", \"expiresAt\": \"2026-06-09 08:00:00z\"}"))
                .announcements().get(0);

        assertThat(announced.sendAt()).isEqualTo(Instant.parse("2026-06-08T08:00:00Z"));
        assertThat(announced.expiresAt()).isEqualTo(Instant.parse("2026-06-09T08:00:00Z"));
    }

    @Test
    void anUnreadableTimeIsReportedAndIgnored() {
        RoutingPlan plan = router.route(event("announce.staff", "{\"sendAt\": \"next monday\"}"));

        assertThat(plan.announcements().get(0).sendAt()).isNull();
        assertThat(plan.unresolvedRecipients()).containsExactly(
                "rule 'staff-and-finance': sendAt at data.sendAt is not an RFC 3339 time; ignored");
    }

    @Test
    void theWithdrawingTypeWithdrawsTheAnnouncementOfTheSameKey() {
        RoutingPlan plan = router.route(builder("announce.withdrawn").withSubject("announcement/ANN-8").build());

        assertThat(plan.announcements()).isEmpty();
        assertThat(plan.withdrawals()).containsExactly(new PlannedWithdrawal("staff-and-finance",
                "announcement/ANN-8"));
        assertThat(plan.routed()).isTrue();
    }

    @Test
    void malformedAnnounceBlocksAreReported() {
        ConfigurationProblem problem = catchThrowableOfType(ConfigurationProblem.class,
                () -> RuleSet.load("classpath:routing/bad/rules-bad-announce.yaml", DIRECTORY));

        assertThat(problem.issues()).extracting(ConfigurationProblem.Issue::reason).containsExactlyInAnyOrder(
                "rule 'too-large-pages': announce: 'pageSize' must be a whole number from 1 to 1000, not 5000",
                "rule 'announce-with-recipients': an announce rule addresses its audience and takes no 'recipients'",
                "rule 'empty-audience-entry': announce: audience: give one of user, team, group, teamRef, or 'where'"
                        + " alone for every user with those attributes",
                "rule 'empty-audience-entry': announce: audience: give one of user, team, group, teamRef, or 'where'"
                        + " alone for every user with those attributes",
                "rule 'empty-audience-entry': announce: audience: unknown key 'ref' (allowed: group, team, teamRef,"
                        + " user, where)");
    }
}
