package io.herald.routing;

import static io.herald.routing.TestEvents.builder;
import static io.herald.routing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.herald.directory.yaml.YamlDirectory;
import io.herald.domain.Channel;
import io.herald.domain.Priority;
import org.junit.jupiter.api.Test;

/** Who a rule's recipient entries name, and what is reported when they name nobody. */
class RouterRecipientsTest {

    private static final YamlDirectory DIRECTORY = YamlDirectory.load("classpath:routing/directory.yaml");
    private final Router router = new Router(RuleSet.load("classpath:routing/rules-recipients.yaml", DIRECTORY),
            DIRECTORY);

    private RoutingPlan route(String type, String data) {
        return router.route(event(type, data));
    }

    private static Object[] userIds(RoutingPlan plan) {
        return plan.deliveries().stream().map(Delivery::userId).toArray();
    }

    @Test
    void userEntryNamesThatUser() {
        assertThat(userIds(route("to.user", "{}"))).containsExactly("carol");
    }

    @Test
    void teamEntryNamesItsMembers() {
        assertThat(userIds(route("to.team", "{}"))).containsExactly("bob", "alice");
    }

    @Test
    void groupEntryNamesItsMembers() {
        assertThat(userIds(route("to.group", "{}"))).containsExactly("frank", "grace", "ivan");
    }

    @Test
    void refReadsTheUserIdFromNestedData() {
        assertThat(userIds(route("to.ref", "{\"approver\": {\"id\": \"erin\"}}"))).containsExactly("erin");
    }

    @Test
    void refReadsTheUserIdFromAContextAttribute() {
        assertThat(userIds(router.route(builder("to.subject").withSubject("dave").build()))).containsExactly("dave");
    }

    @Test
    void managerOfNamesTheManagerOfTheReferencedUser() {
        assertThat(userIds(route("to.manager", "{\"assignee\": \"dave\"}"))).containsExactly("erin");
    }

    @Test
    void alternateOfNamesTheAlternateOfTheReferencedUser() {
        assertThat(userIds(route("to.alternate", "{\"assignee\": \"frank\"}"))).containsExactly("grace");
    }

    @Test
    void teamRefNamesTheMembersOfTheReferencedTeam() {
        assertThat(userIds(route("to.teamref", "{\"team\": \"service\"}"))).containsExactly("erin", "dave");
    }

    @Test
    void deliveryCarriesTheRecipientsAddressLocaleAndTimeZone() {
        assertThat(route("to.ref", "{\"approver\": {\"id\": \"dave\"}}").deliveries()).containsExactly(
                new Delivery("to-ref", "t", Priority.NORMAL, "dave", Channel.EMAIL,
                        "dave@example.com", "de-CH", "Europe/Zurich"));
    }

    @Test
    void referencesThatNameNobodyAreSkippedAndReported() {
        assertThat(route("to.ref", "{}").unresolvedRecipients())
                .containsExactly("rule 'to-ref': ref: data.approver.id: the event has no data.approver.id");
        assertThat(route("to.ref", "{\"approver\": {\"id\": \"zed\"}}").unresolvedRecipients())
                .containsExactly("rule 'to-ref': ref: data.approver.id: 'zed' is not a user");
        assertThat(route("to.ref", "{\"approver\": {\"id\": {\"nested\": 1}}}").unresolvedRecipients())
                .containsExactly("rule 'to-ref': ref: data.approver.id: the event has no data.approver.id");
        assertThat(route("to.manager", "{\"assignee\": \"alice\"}").unresolvedRecipients())
                .containsExactly("rule 'to-manager': managerOf: data.assignee: user 'alice' has no manager");
        assertThat(route("to.alternate", "{\"assignee\": \"ghost\"}").unresolvedRecipients())
                .containsExactly("rule 'to-alternate': alternateOf: data.assignee: 'ghost' is not a user");
        assertThat(route("to.teamref", "{\"team\": \"marketing\"}").unresolvedRecipients())
                .containsExactly("rule 'to-team-ref': teamRef: data.team: 'marketing' is not a team");

        RoutingPlan plan = route("to.manager", "{\"assignee\": \"alice\"}");
        assertThat(plan.matchedRules()).containsExactly("to-manager");
        assertThat(plan.deliveries()).isEmpty();
    }

    @Test
    void userWithoutAnAddressIsSkippedOnThatChannelOnly() {
        RoutingPlan plan = route("to.phones", "{}");

        assertThat(plan.deliveries()).extracting(Delivery::userId, Delivery::channel, Delivery::address)
                .containsExactly(
                        tuple("frank", Channel.EMAIL, "frank@example.com"),
                        tuple("frank", Channel.SMS, "+4915110000006"),
                        tuple("frank", Channel.INAPP, "frank"),
                        tuple("grace", Channel.EMAIL, "grace@example.com"),
                        tuple("grace", Channel.SMS, "+4915110000007"),
                        tuple("grace", Channel.INAPP, "grace"),
                        tuple("ivan", Channel.EMAIL, "ivan@example.com"),
                        tuple("ivan", Channel.INAPP, "ivan"),
                        tuple("heidi", Channel.INAPP, "heidi"));
        assertThat(plan.missingAddresses()).containsExactly(
                "rule 'to-everyone-reachable': user 'ivan' has no phone number (sms)",
                "rule 'to-everyone-reachable': user 'heidi' has no e-mail address (email)",
                "rule 'to-everyone-reachable': user 'heidi' has no phone number (sms)");
    }
}
