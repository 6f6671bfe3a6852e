package io.herald.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.domain.Decision;
import io.herald.domain.EntityRef;
import io.herald.domain.Task;
import io.herald.domain.TaskStatus;
import io.herald.store.TaskStore;
import io.herald.support.Herald;
import io.herald.support.Race;
import io.herald.support.Tasks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The operator console over HTTP, in local mode: what it shows of events, tasks and dead letters, that a replay's
 * page changes nothing and its button sends the dead notification exactly once, that the rule tester sends and
 * stores nothing, that a dead write-back replayed is delivered once, and that no page shows a secret or an action
 * token.
 */
@QuarkusTest
class ConsoleTest {

    @Inject
    TaskStore taskStore;

    /** The secrets local mode configures, none of which may reach a page. */
    private static final List<String> SECRETS = List.of(Herald.SECRET, "local-action-token-key-0123456789abcdef",
            "herald-local-secret", "local-writeback-secret");

    @Test
    void activityListsAnArrivedEventThatOpensIntoItsTimeline() {
        ObjectNode event = Herald.sample("shipment-delayed");
        String source = event.get("source").asText();
        String id = event.get("id").asText();
        Herald.post(event).then().statusCode(202);

        String activity = page("/console?source=" + EventPage.encode(source) + "&type=" + event.get("type").asText());
        assertThat(activity).contains(id, "Events per minute by source", "<svg");

        String timeline = page(EventPage.link(new io.herald.domain.EventKey(source, id)));
        assertThat(timeline).contains("Timeline", "received", "routed", source);
    }

    @Test
    void aReplayPageChangesNothingAndItsButtonSendsTheDeadNotificationOnce() {
        Herald.awaitIdle();
        Herald.faults("{\"failNext\":1,\"failStatus\":400}");
        ObjectNode event = Herald.sample("shipment-delayed");
        ((ObjectNode) event.get("data")).put("severity", "normal");
        String source = event.get("source").asText();
        String id = event.get("id").asText();
        Herald.post(event).then().statusCode(202);
        JsonPath dead = awaitNotificationStatus(source, id, "DEAD");
        String notification = dead.getString("notifications[0].id");
        assertThat(page("/console/dead-letters")).contains(notification, "HTTP 400");
        String timeline = page(EventPage.link(new io.herald.domain.EventKey(source, id)));
        assertThat(timeline).as("the step and the notification that failed, with the provider's answer")
                .contains("<td>dead</td>", "simulated_failure")
                .containsPattern("<tr class=\"failure\">.*<td>dead</td>");

        String confirm = page(ReplayPage.link(Replays.NOTIFICATION, notification));

        assertThat(confirm).contains("Replay this notification?", "Nothing happens until you press the button");
        assertThat(Herald.event(source, id).getString("notifications[0].status")).isEqualTo("DEAD");
        assertThat(Herald.submissionsFor(id)).isEmpty();

        replay(notification).then().statusCode(200).contentType("text/html");
        awaitNotificationStatus(source, id, "DELIVERED");
        replay(notification).then().statusCode(409).contentType("application/problem+json");

        assertThat(Herald.submissionsFor(id)).hasSize(1);
        assertThat(Herald.event(source, id).getList("audit.step")).filteredOn("replayed"::equals).hasSize(1);
        assertThat(Herald.event(source, id).getList("audit.actor")).contains(Replays.LOCAL_OPERATOR);
        assertThat(page("/console/dead-letters")).doesNotContain(notification);
    }

    @Test
    void replaysPressedAtOnceSendTheDeadNotificationOnce() throws Exception {
        Herald.awaitIdle();
        Herald.faults("{\"failNext\":1,\"failStatus\":400}");
        ObjectNode event = Herald.sample("shipment-delayed");
        ((ObjectNode) event.get("data")).put("severity", "normal");
        String source = event.get("source").asText();
        String id = event.get("id").asText();
        Herald.post(event).then().statusCode(202);
        String notification = awaitNotificationStatus(source, id, "DEAD").getString("notifications[0].id");

        List<Integer> statuses = Race.run(4, contender -> replay(notification).statusCode());

        assertThat(statuses).containsExactlyInAnyOrder(200, 409, 409, 409);
        awaitNotificationStatus(source, id, "DELIVERED");
        assertThat(Herald.submissionsFor(id)).hasSize(1);
        assertThat(Herald.event(source, id).getList("audit.step")).filteredOn("replayed"::equals).hasSize(1);
    }

    @Test
    void aDeadWriteBackIsDeliveredOnceWhenReplayed() {
        ObjectNode order = Herald.sample("purchase-order-approval");
        Herald.post(order).then().statusCode(202);
        String taskId = Tasks.taskIdOfEvent(order.get("source").asText(), order.get("id").asText());
        Tasks.Link approve = Tasks.link(Tasks.linksTo(order.get("id").asText(), "alice@example.com"), "approve");
        Herald.http().contentType("application/json").body("{\"failNext\":1,\"failStatus\":400}")
                .post("/sim/xconnector/_faults").then().statusCode(200);
        Tasks.confirm(approve, null).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DEAD".equals(Tasks.task(taskId)
                .getString("writeBacks[0].status")));
        String writeBack = Tasks.task(taskId).getString("writeBacks[0].id");
        assertThat(page("/console/dead-letters")).contains(writeBack, "HTTP 400");

        replay(Replays.WRITE_BACK, writeBack).then().statusCode(200).contentType("text/html");
        Tasks.awaitWriteBacks(taskId, 1);
        replay(Replays.WRITE_BACK, writeBack).then().statusCode(409).contentType("application/problem+json");

        assertThat(Tasks.writeBacksOf(taskId)).hasSize(1);
        assertThat(Tasks.task(taskId).getString("writeBacks[0].status")).isEqualTo("DELIVERED");
    }

    @Test
    void theRuleTesterShowsMatchingRulesAndRenderedMessagesWithoutSendingOrStoring() {
        ObjectNode event = Herald.sample("shipment-delayed");
        String id = event.get("id").asText();

        String result = Herald.http().contentType("application/x-www-form-urlencoded; charset=utf-8")
                .formParam("event", event.toString()).post("/console/rules").then().statusCode(200).extract()
                .asString();

        assertThat(result).contains("Matching rules", "Subject:", id);
        assertThat(Herald.event(event.get("source").asText(), id)).as("nothing stored").isNull();
        assertThat(Herald.submissionsFor(id)).as("nothing sent").isEmpty();
    }

    @Test
    void theRuleTesterExplainsWhatIsNotACloudEventAndStoresNothing() {
        String result = Herald.http().contentType("application/x-www-form-urlencoded; charset=utf-8")
                .formParam("event", "{\"id\": \"half-an-event\"}").post("/console/rules").then().statusCode(422)
                .contentType("text/html").extract().asString();

        assertThat(result).contains("not a CloudEvent in structured JSON");
        assertThat(Herald.submissionsFor("half-an-event")).isEmpty();
    }

    @Test
    void tasksShowTheirSlaClock() {
        ObjectNode order = Herald.sample("purchase-order-approval");
        Herald.post(order).then().statusCode(202);
        Tasks.taskIdOfEvent(order.get("source").asText(), order.get("id").asText());

        String tasks = page("/console/tasks?assignee=alice&state=open");

        assertThat(tasks).contains(order.get("data").get("entityId").asText(), "RUNNING", " left");
    }

    @Test
    void withoutAFilterTheTasksPageListsEveryOpenTaskNewestFirstPageByPage() {
        // far in the future and later with every run, so that these are the newest tasks whatever earlier tests
        // and runs left in the store
        Instant base = Instant.now().plus(Duration.ofDays(365_000)).truncatedTo(ChronoUnit.MILLIS);
        String run = java.util.UUID.randomUUID().toString();
        for (int i = 0; i < TasksPage.PAGE + 5; i++) {
            taskStore.insertTask(openTask(run + "-" + i, String.format("Open task %02d", i), base.plusMillis(i)));
        }
        Task answered = openTask(run + "-answered", "Answered task", base.plusMillis(TasksPage.PAGE + 10));
        taskStore.insertTask(answered.decided(new Decision("approve", "alice", null, base.plusMillis(100), null),
                base.plusMillis(100)));

        String first = page("/console/tasks");
        assertThat(first).contains("All open tasks, newest first", "Open task 54", "Open task 05")
                .doesNotContain("Open task 04", "Answered task");
        assertThat(first.indexOf("Open task 54")).isLessThan(first.indexOf("Open task 05"));
        Matcher next = Pattern.compile("href=\"(/console/tasks\\?after=[^\"]+)\" rel=\"next\"").matcher(first);
        assertThat(next.find()).as("a link to the next page").isTrue();

        String second = page(next.group(1));
        assertThat(second).contains("(continued)", "Open task 04", "Open task 00");
        assertThat(second.indexOf("<td>Open task")).as("the next page starts where the first ended")
                .isEqualTo(second.indexOf("<td>Open task 04</td>"));
        assertThat(second.indexOf("Open task 04")).isLessThan(second.indexOf("Open task 00"));

        Herald.http().get("/console/tasks?after=not-a-cursor!").then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(page("/console/tasks?state=answered")).as("answered tasks are listed by assignee")
                .doesNotContain("All open tasks", "Answered task");
        assertThat(page("/console/tasks?system=console-test")).as("half an entity filter")
                .doesNotContain("All open tasks", "Open task 54");
    }

    private static Task openTask(String id, String title, Instant createdAt) {
        return new Task(id, "/console-test", id, "console-test", title, new EntityRef("console-test", "ticket", id),
                List.of("approve"), List.of("console-test-reader"), TaskStatus.OPEN, null, createdAt, createdAt, 0);
    }

    @Test
    void noPageShowsASecretOrAnActionToken() {
        ObjectNode order = Herald.sample("purchase-order-approval");
        Herald.post(order).then().statusCode(202);
        String source = order.get("source").asText();
        String id = order.get("id").asText();
        Tasks.Link link = Tasks.link(Tasks.linksTo(id, "alice@example.com"), "approve");

        for (String path : List.of("/console", "/console/event?source=" + EventPage.encode(source) + "&id=" + id,
                "/console/tasks?assignee=alice", "/console/dead-letters",
                "/console/rules?source=" + EventPage.encode(source) + "&id=" + id)) {
            String page = page(path);
            assertThat(page).as(path).doesNotContain(link.token());
            SECRETS.forEach(secret -> assertThat(page).as(path).doesNotContain(secret));
        }
    }

    @Test
    void badFilterIsRefusedAsAProblem() {
        Herald.http().get("/console?status=lost").then().statusCode(400).contentType("application/problem+json");
        Herald.http().get("/console/replay?kind=notification&id=nothing-like-it").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aReplayPostedFromAnotherSiteIsRefused() {
        Herald.http().header("Sec-Fetch-Site", "cross-site").contentType("application/x-www-form-urlencoded")
                .formParam("kind", "notification").formParam("id", "any").post("/console/replay").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aReplayPostedWithASessionCookieNeedsTheFormTokenOfItsPage() {
        Herald.awaitIdle();
        Herald.faults("{\"failNext\":1,\"failStatus\":400}");
        ObjectNode event = Herald.sample("shipment-delayed");
        ((ObjectNode) event.get("data")).put("severity", "normal");
        String source = event.get("source").asText();
        String id = event.get("id").asText();
        Herald.post(event).then().statusCode(202);
        String notification = awaitNotificationStatus(source, id, "DEAD").getString("notifications[0].id");
        String confirm = Herald.http().cookie("herald-console", "a-session").urlEncodingEnabled(false)
                .get(ReplayPage.link(Replays.NOTIFICATION, notification)).then().statusCode(200).extract().asString();
        Matcher formToken = Pattern.compile("name=\"form-token\" value=\"([^\"]+)\"").matcher(confirm);
        assertThat(formToken.find()).as("the confirmation page's form carries its session's form token").isTrue();

        Herald.http().cookie("herald-console", "a-session").contentType("application/x-www-form-urlencoded")
                .formParam("kind", Replays.NOTIFICATION).formParam("id", notification).post("/console/replay")
                .then().statusCode(403).contentType("application/problem+json");
        Herald.http().cookie("herald-console", "another-session").contentType("application/x-www-form-urlencoded")
                .formParam("kind", Replays.NOTIFICATION).formParam("id", notification)
                .formParam("form-token", formToken.group(1)).post("/console/replay")
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(Herald.event(source, id).getString("notifications[0].status")).isEqualTo("DEAD");

        Herald.http().cookie("herald-console", "a-session").contentType("application/x-www-form-urlencoded")
                .formParam("kind", Replays.NOTIFICATION).formParam("id", notification)
                .formParam("form-token", formToken.group(1)).post("/console/replay")
                .then().statusCode(200).contentType("text/html");
        awaitNotificationStatus(source, id, "DELIVERED");
        assertThat(Herald.submissionsFor(id)).hasSize(1);
    }

    @Test
    void localModeNeedsNoSignInAndSigningOutForgetsTheCookie() {
        Herald.http().redirects().follow(false).get("/console/sign-in").then().statusCode(303)
                .header("Location", "/console");
        Herald.http().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("key", "anything").post("/console/sign-in").then().statusCode(303)
                .header("Location", "/console").header("Set-Cookie", nullValue());
        Herald.http().redirects().follow(false).post("/console/sign-out").then().statusCode(303)
                .header("Set-Cookie", "herald-console=; Max-Age=0; Path=/console; HttpOnly; Secure; SameSite=Strict");
    }

    private static String page(String path) {
        return Herald.http().urlEncodingEnabled(false).get(path).then().statusCode(200).contentType("text/html")
                .extract().asString();
    }

    private static io.restassured.response.Response replay(String notification) {
        return replay(Replays.NOTIFICATION, notification);
    }

    private static io.restassured.response.Response replay(String kind, String id) {
        return Herald.http().contentType("application/x-www-form-urlencoded").formParam("kind", kind)
                .formParam("id", id).post("/console/replay");
    }

    private static JsonPath awaitNotificationStatus(String source, String id, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<String> statuses = Herald.event(source, id).getList("notifications.status");
            return statuses.size() == 1 && status.equals(statuses.get(0));
        });
        return Herald.event(source, id);
    }
}
