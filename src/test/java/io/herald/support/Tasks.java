package io.herald.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Follows action links and reads tasks and write-backs, over HTTP only. */
public final class Tasks {

    private static final Pattern LINK = Pattern.compile("(http://\\S+/act\\?token=([^&\\s]+)&action=([a-z-]+))");

    private Tasks() {
    }

    /** A link found in a message: its URL, its token (still URL-encoded) and its action. */
    public record Link(String url, String token, String action) {
    }

    /** The action links of the e-mail sent to {@code address} for an event, read from its text part. */
    public static List<Link> linksTo(String eventId, String address) {
        await().atMost(Duration.ofSeconds(20)).until(() -> emailTo(eventId, address) != null);
        Matcher matcher = LINK.matcher((String) emailTo(eventId, address).get("text"));
        List<Link> links = new java.util.ArrayList<>();
        while (matcher.find()) {
            links.add(new Link(matcher.group(1), matcher.group(2), matcher.group(3)));
        }
        return links;
    }

    public static Link link(List<Link> links, String action) {
        return links.stream().filter(l -> l.action().equals(action)).findFirst().orElseThrow();
    }

    /** Posts the confirmation form as a browser would. */
    public static io.restassured.response.Response confirm(Link link, String comment) {
        return Herald.http().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded")
                .body("token=" + link.token() + "&action=" + link.action()
                        + (comment == null ? "" : "&comment=" + java.net.URLEncoder.encode(comment,
                                java.nio.charset.StandardCharsets.UTF_8)))
                .post("/act");
    }

    /** Opens a link as a browser (or a mail scanner) would. */
    public static io.restassured.response.Response open(Link link) {
        return Herald.http().urlEncodingEnabled(false).get(link.url().substring(link.url().indexOf("/act")));
    }

    public static JsonPath task(String id) {
        return Herald.http().get("/tasks/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** The id of the open task alice has for an event. */
    public static String taskIdOfEvent(String source, String eventId) {
        return taskIdOf(source, eventId, "open");
    }

    /** The id of the answered task alice or bob had for an event. */
    public static String taskIdOfEventAnswered(String source, String eventId) {
        return taskIdOf(source, eventId, "answered");
    }

    public static String taskIdOf(String source, String eventId, String status) {
        List<Map<String, Object>> tasks = new java.util.ArrayList<>();
        for (String assignee : List.of("alice", "bob")) {
            tasks.addAll(Herald.http().queryParam("assignee", assignee).queryParam("status", status)
                    .queryParam("limit", 500).get("/tasks").then().statusCode(200).extract().jsonPath()
                    .getList("tasks"));
        }
        return tasks.stream().filter(t -> eventId.equals(t.get("eventId")) && source.equals(t.get("eventSource")))
                .map(t -> (String) t.get("id")).findFirst().orElseThrow();
    }

    /** Write-backs xConnector received for one task. */
    public static List<Map<String, Object>> writeBacksOf(String taskId) {
        return Herald.http().get("/sim/xconnector/writebacks").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("writebacks").stream()
                .filter(w -> w.get("body") instanceof Map<?, ?> body && body.get("correlation") instanceof Map<?, ?> c
                        && taskId.equals(c.get("taskId")))
                .toList();
    }

    public static List<Map<String, Object>> awaitWriteBacks(String taskId, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> writeBacksOf(taskId).size() >= count);
        List<Map<String, Object>> received = writeBacksOf(taskId);
        assertThat(received).hasSize(count);
        return received;
    }

    private static Map<String, Object> emailTo(String eventId, String address) {
        return Herald.submissionsFor(eventId).stream()
                .filter(s -> "EMAIL".equals(s.get("channel")))
                .filter(s -> s.get("destinations") instanceof List<?> d && !d.isEmpty()
                        && d.get(0) instanceof Map<?, ?> first && address.equals(first.get("address")))
                .findFirst().orElse(null);
    }
}
