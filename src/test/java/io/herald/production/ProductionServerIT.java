package io.herald.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.support.PackagedHerald;
import io.herald.support.ServerEnvironment;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged application on a server with proper settings: no simulator, operator routes only for operators
 * with a configured API key, and nothing signed with a shipped sample key accepted.
 */
class ProductionServerIT {

    private static final String SESSION = "herald-console";
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final IdentityProviderTokens PROVIDER = new IdentityProviderTokens();
    private static PackagedHerald herald;
    private static Map<String, String> environment;

    @BeforeAll
    static void start() throws Exception {
        environment = ServerEnvironment.proper();
        environment.put("HERALD_OPERATOR_OIDC_ENABLED", "true");
        environment.put("QUARKUS_OIDC_PUBLIC_KEY", PROVIDER.publicKey());
        environment.put("QUARKUS_OIDC_TOKEN_ISSUER", IdentityProviderTokens.ISSUER);
        herald = PackagedHerald.start(environment).awaitReady();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (herald != null) {
            herald.close();
        }
    }

    private static RequestSpecification http() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(herald.port());
    }

    @Test
    void simulatorsAreNotServed() {
        http().get("/sim/opentext/_messages").then().statusCode(404);
        http().contentType("application/json").body("{}").post("/sim/xconnector/emit").then().statusCode(404);
        http().get("/sim/xconnector/writebacks").then().statusCode(404);
    }

    @Test
    void operatorRoutesRefuseRequestsWithoutAKey() {
        for (String path : new String[] {"/events/unrouted", "/tasks?assignee=alice", "/tasks/some-task",
            "/events?source=/x&id=1", "/q/metrics", "/console", "/console/dead-letters", "/console/rules",
            "/announcements/8f1c2a34-0000-8000-8000-000000000000/recipients"}) {
            Response refusal = http().get(path);
            assertThat(refusal.statusCode()).as(path).isEqualTo(401);
            assertThat(refusal.contentType()).as(path).startsWith("application/problem+json");
            assertThat(refusal.header("WWW-Authenticate")).as(path).startsWith("Bearer");
        }
        http().contentType("application/json").body("{}").post("/dispatch").then().statusCode(401);
        http().contentType("application/json").body("{}").post("/writeback").then().statusCode(401);
    }

    @Test
    void operatorRoutesAnswerAValidKey() {
        http().auth().oauth2(ServerEnvironment.READ_KEY).get("/events/unrouted").then().statusCode(200);
        http().auth().oauth2(ServerEnvironment.OPERATE_KEY).get("/tasks?assignee=alice").then().statusCode(200);
        http().auth().oauth2(ServerEnvironment.READ_KEY).get("/q/metrics").then().statusCode(200);
    }

    @Test
    void theConsoleShowsToAReadKeyAndOnlyAnOperateKeyMayReplay() {
        http().auth().oauth2(ServerEnvironment.READ_KEY).get("/console").then().statusCode(200)
                .contentType("text/html");
        http().auth().oauth2(ServerEnvironment.READ_KEY).get("/console/dead-letters").then().statusCode(200);
        http().auth().oauth2(ServerEnvironment.READ_KEY).contentType("application/x-www-form-urlencoded")
                .formParam("kind", "notification").formParam("id", "none").post("/console/replay").then()
                .statusCode(403).contentType("application/problem+json");
        // admitted, and told there is no such notification: nothing was replayed
        http().auth().oauth2(ServerEnvironment.OPERATE_KEY).contentType("application/x-www-form-urlencoded")
                .formParam("kind", "notification").formParam("id", "none").post("/console/replay").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyAnOperateKeyMayPublishAnAnnouncement() {
        http().auth().oauth2(ServerEnvironment.READ_KEY).contentType("application/cloudevents+json").body("{}")
                .post("/announcements").then().statusCode(403).contentType("application/problem+json");
        // admitted, and told the body is no CloudEvent: nothing was stored
        http().auth().oauth2(ServerEnvironment.OPERATE_KEY).contentType("application/cloudevents+json").body("{}")
                .post("/announcements").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aRevokedKeyIsRefusedOnceRemovedFromTheConfiguration() throws Exception {
        Map<String, String> before = ServerEnvironment.proper();
        before.put("HERALD_OPERATOR_KEYS_RETIRED_SHA256", ServerEnvironment.RETIRED_KEY_SHA256);
        before.put("HERALD_CONSOLE_SESSION_SECRET", environment.get("HERALD_CONSOLE_SESSION_SECRET"));
        String retiredSession;
        String readSession;
        try (PackagedHerald withKey = PackagedHerald.start(before).awaitReady()) {
            RestAssured.given().baseUri("http://127.0.0.1").port(withKey.port())
                    .auth().oauth2(ServerEnvironment.RETIRED_KEY).get("/events/unrouted").then().statusCode(200);
            retiredSession = signIn(RestAssured.given().baseUri("http://127.0.0.1").port(withKey.port()),
                    ServerEnvironment.RETIRED_KEY);
            readSession = signIn(RestAssured.given().baseUri("http://127.0.0.1").port(withKey.port()),
                    ServerEnvironment.READ_KEY);
        }

        // the shared instance runs the same settings without that key
        http().auth().oauth2(ServerEnvironment.RETIRED_KEY).get("/events/unrouted").then().statusCode(401)
                .contentType("application/problem+json");
        http().cookie(SESSION, retiredSession).get("/console").then().statusCode(401)
                .contentType("application/problem+json");
        // a session of a key both configure is good on either: the retired one was refused for its key
        http().cookie(SESSION, readSession).get("/console").then().statusCode(200);
    }

    @Test
    void signingInWithAKeyGivesASessionCookieThatIsNotTheKey() {
        Response signedIn = http().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("key", ServerEnvironment.READ_KEY).post("/console/sign-in");

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).isEqualTo("/console");
        String cookie = signedIn.header("Set-Cookie");
        assertThat(cookie).startsWith(SESSION + "=").contains("; HttpOnly", "; Secure", "; SameSite=Strict",
                "; Path=/console", "; Max-Age=28800").doesNotContain(ServerEnvironment.READ_KEY)
                .doesNotContain(ServerEnvironment.READ_KEY_SHA256);
        String session = signedIn.getCookie(SESSION);
        http().cookie(SESSION, session).get("/console").then().statusCode(200).contentType("text/html");
        http().cookie(SESSION, session).get("/console/dead-letters").then().statusCode(200);
        // the cookie is for the console only, as its path says
        http().cookie(SESSION, session).get("/events/unrouted").then().statusCode(401);
    }

    @Test
    void aSessionHasItsKeysAccessAndAReplayWithItNeedsTheFormToken() throws Exception {
        String read = signIn(http(), ServerEnvironment.READ_KEY);
        String operate = signIn(http(), ServerEnvironment.OPERATE_KEY);

        replayWithSession(read, formToken(read)).then().statusCode(403).contentType("application/problem+json");
        replayWithSession(operate, null).then().statusCode(403).contentType("application/problem+json");
        replayWithSession(operate, formToken(read)).then().statusCode(403).contentType("application/problem+json");
        // admitted, and told there is no such notification: nothing was replayed
        replayWithSession(operate, formToken(operate)).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aFailedSignInSaysSoWithoutShowingTheKey() {
        String attempt = "ops-key-mistyped-4b0c7e1d9a2f48e3b6d5c0a19f7e2d3";
        Response refused = http().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("key", attempt).post("/console/sign-in");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("text/html");
        assertThat(refused.header("Set-Cookie")).isNull();
        assertThat(refused.asString()).contains("not valid").doesNotContain(attempt);
        assertThat(herald.output()).doesNotContain(attempt);
    }

    @Test
    void aTamperedSessionIsRefusedAndABrowserIsSentToSignIn() {
        String session = signIn(http(), ServerEnvironment.READ_KEY);
        String tampered = session.substring(0, session.length() - 2) + (session.endsWith("AA") ? "BB" : "AA");

        http().cookie(SESSION, tampered).get("/console").then().statusCode(401)
                .contentType("application/problem+json");
        http().redirects().follow(false).cookie(SESSION, tampered).accept("text/html").get("/console/tasks").then()
                .statusCode(303).header("Location", "/console/sign-in");
        http().get("/console/sign-in").then().statusCode(200).contentType("text/html");
    }

    @Test
    void signingOutForgetsTheCookie() {
        http().redirects().follow(false).post("/console/sign-out").then().statusCode(303)
                .header("Location", "/console/sign-in")
                .header("Set-Cookie", SESSION + "=; Max-Age=0; Path=/console; HttpOnly; Secure; SameSite=Strict");
    }

    @Test
    void anOperatorSignsInWithABrowserAndSignsOutAgain() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
        Process node = new ProcessBuilder(List.of("node", "tools/console-sign-in.mjs",
                "http://localhost:" + herald.port(), ServerEnvironment.READ_KEY))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String json = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as("the browser script").isZero();
        Map<String, JsonNode> steps = new LinkedHashMap<>();
        new ObjectMapper().readTree(json).forEach(step -> steps.put(step.get("name").asText(), step));

        assertThat(steps.get("unsigned").get("url").asText()).endsWith("/console/sign-in");
        assertThat(steps.get("unsigned").get("text").asText()).contains("Sign in to the console");
        assertThat(steps.get("signed-in").get("status").asInt()).isEqualTo(200);
        assertThat(steps.get("signed-in").get("url").asText()).endsWith("/console");
        assertThat(steps.get("signed-in").get("text").asText()).contains("Events per minute by source");
        JsonNode cookie = new ObjectMapper().readTree(steps.get("cookie").get("text").asText()).get(0);
        assertThat(cookie.get("name").asText()).isEqualTo(SESSION);
        assertThat(cookie.get("path").asText()).isEqualTo("/console");
        assertThat(cookie.get("httpOnly").asBoolean()).isTrue();
        assertThat(cookie.get("secure").asBoolean()).isTrue();
        assertThat(cookie.get("sameSite").asText()).isEqualTo("Strict");
        assertThat(cookie.get("isTheKey").asBoolean()).isFalse();
        assertThat(steps.get("dead-letters").get("status").asInt()).isEqualTo(200);
        assertThat(steps.get("dead-letters").get("text").asText()).contains("Dead letters");
        assertThat(steps.get("signed-out").get("url").asText()).endsWith("/console/sign-in");
        assertThat(steps.get("after-sign-out").get("url").asText()).endsWith("/console/sign-in");
    }

    private static String signIn(RequestSpecification http, String key) {
        return http.redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("key", key)
                .post("/console/sign-in").then().statusCode(303).extract().cookie(SESSION);
    }

    private static Response replayWithSession(String session, String formToken) {
        RequestSpecification request = http().cookie(SESSION, session)
                .contentType("application/x-www-form-urlencoded").formParam("kind", "notification")
                .formParam("id", "none");
        return (formToken == null ? request : request.formParam("form-token", formToken)).post("/console/replay");
    }

    /** The form token the console's replay page carries for this session: HMAC-SHA256 of "form|" and it. */
    private static String formToken(String session) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(environment.get("HERALD_CONSOLE_SESSION_SECRET").getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        return base64Url(mac.doFinal(("form|" + session).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aReadKeyMayNotInvokeFunctions() {
        http().auth().oauth2(ServerEnvironment.READ_KEY).contentType("application/json").body("{}")
                .post("/dispatch").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anIdentityProvidersTokenGivesTheAccessOfItsRole() {
        String reader = PROVIDER.token("erin", List.of("herald-read"), Instant.now().plusSeconds(300));
        String operator = PROVIDER.token("frank", List.of("herald-operate"), Instant.now().plusSeconds(300));

        http().auth().oauth2(reader).get("/events/unrouted").then().statusCode(200);
        http().auth().oauth2(reader).contentType("application/json").body("{}").post("/dispatch").then()
                .statusCode(403).contentType("application/problem+json");
        http().auth().oauth2(operator).get("/tasks?assignee=alice").then().statusCode(200);
    }

    @Test
    void aTokenWithoutAHeraldRoleIsForbidden() {
        String outsider = PROVIDER.token("mallory", List.of("finance"), Instant.now().plusSeconds(300));

        http().auth().oauth2(outsider).get("/events/unrouted").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void expiredOrForeignTokensAreRefused() {
        String expired = PROVIDER.token("erin", List.of("herald-read"), Instant.now().minusSeconds(600));
        String foreign = new IdentityProviderTokens().token("erin", List.of("herald-read"),
                Instant.now().plusSeconds(300));

        http().auth().oauth2(expired).get("/events/unrouted").then().statusCode(401);
        http().auth().oauth2(foreign).get("/events/unrouted").then().statusCode(401);
    }

    @Test
    void readingAnEventIsRecordedInItsAuditTrailWithWhoRead() {
        String id = "shp-" + java.util.UUID.randomUUID();
        byte[] event = ("{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/xconnector/erp/s4\","
                + "\"type\":\"erp.unknown.thing\",\"datacontenttype\":\"application/json\",\"data\":{}}")
                .getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        http().header("X-Herald-Sender", "xconnector").header("X-Herald-Timestamp", timestamp)
                .header("X-Herald-Signature", io.herald.signing.Hmac.signatureHeader(
                        environment.get("HERALD_XCONNECTOR_SECRET"), timestamp, event))
                .contentType("application/cloudevents+json").body(event).post("/events").then().statusCode(202);

        http().auth().oauth2(ServerEnvironment.OPERATE_KEY).queryParam("source", "/xconnector/erp/s4")
                .queryParam("id", id).get("/events").then().statusCode(200);
        http().auth().oauth2(ServerEnvironment.READ_KEY).queryParam("source", "/xconnector/erp/s4")
                .queryParam("id", id).get("/console/event").then().statusCode(200).contentType("text/html");
        List<Map<String, Object>> audit = http().auth().oauth2(ServerEnvironment.READ_KEY)
                .queryParam("source", "/xconnector/erp/s4").queryParam("id", id).get("/events").then()
                .statusCode(200).extract().jsonPath().getList("audit");

        assertThat(audit).anySatisfy(entry -> assertThat(entry).containsEntry("step", "read")
                .containsEntry("actor", "key:ops"));
        assertThat(audit).anySatisfy(entry -> assertThat(entry).containsEntry("step", "read")
                .containsEntry("actor", "key:grafana").containsEntry("detail", "GET /console/event"));
    }

    @Test
    void healthStaysOpenForLoadBalancers() {
        http().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void anActionTokenSignedWithTheSampleKeyIsRefused() throws Exception {
        // A token as local mode would sign it: key id local-1, the shipped sample key.
        String claims = base64Url(("{\"jti\":\"f0e1d2c3-b4a5-4697-8879-6a5b4c3d2e1f\",\"kid\":\"local-1\","
                + "\"task\":\"00000000-0000-8000-8000-000000000000\",\"sub\":\"alice\",\"act\":[\"approve\"],"
                + "\"exp\":" + Instant.now().plusSeconds(3600).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("local-action-token-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        String token = claims + "." + base64Url(mac.doFinal(claims.getBytes(StandardCharsets.US_ASCII)));

        http().contentType("application/json")
                .body(Map.of("token", token, "action", "approve"))
                .post("/responses").then().statusCode(401).contentType("application/problem+json");
        assertThat(http().queryParam("token", token).queryParam("action", "approve").get("/act").statusCode())
                .isEqualTo(401);
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
