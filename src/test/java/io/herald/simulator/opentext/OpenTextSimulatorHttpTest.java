package io.herald.simulator.opentext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.herald.notifier.opentext.Fixtures;
import io.herald.notifier.opentext.OpenTextConfig;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's HTTP face: OpenText's wire format and the control API. */
@QuarkusTest
class OpenTextSimulatorHttpTest {

    private static final String BASE = OpenTextSimulatorRoutes.BASE;

    @Inject
    OpenTextSimulator simulator;

    @Inject
    OpenTextConfig config;

    @TestHTTPResource("/")
    URI root;

    @BeforeEach
    @AfterEach
    void resetSimulator() {
        simulator.reset();
    }

    private String tokenPath() {
        return SimulatorClient.tokenPath(config);
    }

    private RequestSpecification authorized() {
        return SimulatorClient.authorized(config);
    }

    @Test
    void tokenEndpointIssuesABearerTokenToTheConfiguredClient() {
        io.herald.support.Herald.http().auth().preemptive().basic(config.clientId(), config.clientSecret().orElseThrow().get())
                .formParam("grant_type", "client_credentials")
                .post(tokenPath())
                .then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .body("access_token", not(empty()));
    }

    @Test
    void tokenEndpointRefusesWrongCredentials() {
        int issuedBefore = simulator.tokensIssued();

        io.herald.support.Herald.http().auth().preemptive().basic(config.clientId(), "not-the-secret")
                .formParam("grant_type", "client_credentials")
                .post(tokenPath())
                .then().statusCode(401)
                .body("error", equalTo("invalid_client"));

        assertThat(simulator.tokensIssued()).isEqualTo(issuedBefore);
    }

    @Test
    void tokenEndpointRefusesOtherGrants() {
        io.herald.support.Herald.http().auth().preemptive().basic(config.clientId(), config.clientSecret().orElseThrow().get())
                .formParam("grant_type", "password")
                .post(tokenPath())
                .then().statusCode(400)
                .body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void messagingRefusesTokensItDidNotIssue() {
        io.herald.support.Herald.http().header("Authorization", "Bearer forged").contentType(ContentType.JSON)
                .body(Fixtures.read("email-submission.json"))
                .post(BASE + "/mra/v1/outbound/emails")
                .then().statusCode(401);

        assertThat(simulator.submissions()).isEmpty();
    }

    @Test
    void publishedEmailSampleIsAcceptedAndRecordedDecoded() {
        String jobId = authorized().header("X-MRA-SubmitId", "sub-fixture")
                .body(Fixtures.read("email-submission.json"))
                .post(BASE + "/mra/v1/outbound/emails")
                .then().statusCode(200)
                .extract().path("job_id");

        io.herald.support.Herald.http().queryParam("to", "ada@example.com").get(BASE + "/_messages")
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].channel", equalTo("EMAIL"))
                .body("[0].jobId", equalTo(jobId))
                .body("[0].submitId", equalTo("sub-fixture"))
                .body("[0].destinations[0].ref", equalTo("n-42"))
                .body("[0].subject", equalTo("Order shipped"))
                .body("[0].html", equalTo("<p>Grüße, Ada</p>"))
                .body("[0].text", equalTo("Grüße, Ada"))
                .body("[0].billingCode", equalTo("CC-100"));
        io.herald.support.Herald.http().queryParam("to", "someone-else@example.com").get(BASE + "/_messages")
                .then().body("", hasSize(0));
    }

    @Test
    void emailMissingFieldsIsRejectedWithAJsonErrorNamingThem() {
        authorized().body("{\"destinations\":[{\"ref\":\"n-1\"}]}")
                .post(BASE + "/mra/v1/outbound/emails")
                .then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("invalid_request"))
                .body("details", hasItems("destinations[0].email is required", "body must be a non-empty array"));

        assertThat(simulator.submissions()).isEmpty();
    }

    @Test
    void emailBodyThatIsNotBase64IsRejected() {
        String body = """
                {"destinations":[{"email":"ada@example.com"}],
                 "body":[{"name":"body.txt","type":"text/plain","data":"not base64!"}]}""";

        authorized().body(body).post(BASE + "/mra/v1/outbound/emails")
                .then().statusCode(400)
                .body("details", hasItems("body[0].data must be base64"));
    }

    @Test
    void smsWithoutTextIsRejected() {
        authorized().body("{\"destinations\":[{\"sms\":\"+4917612345678\"}]}")
                .post(BASE + "/mra/v1/outbound/sms")
                .then().statusCode(400)
                .body("details", hasItems("sms_text is required"));
    }

    @Test
    void sameSubmitIdIsAnsweredWithTheOriginalJobAndRecordedOnce() {
        String sms = Fixtures.read("sms-submission.json");
        String first = authorized().header("X-MRA-SubmitId", "sub-twice").body(sms)
                .post(BASE + "/mra/v1/outbound/sms").then().statusCode(200).extract().path("job_id");
        String second = authorized().header("X-MRA-SubmitId", "sub-twice").body(sms)
                .post(BASE + "/mra/v1/outbound/sms").then().statusCode(200).extract().path("job_id");

        assertThat(second).isEqualTo(first);
        assertThat(simulator.submissions()).hasSize(1);
    }

    @Test
    void statusReportsEveryDeliverySentByDefault() {
        String jobId = authorized().header("X-MRA-SubmitId", "sub-status")
                .body(Fixtures.read("sms-submission.json"))
                .post(BASE + "/mra/v1/outbound/sms").then().statusCode(200).extract().path("job_id");

        authorized().queryParam("job_id", jobId).get(BASE + "/mra/v1/outbound/sms/status")
                .then().statusCode(200)
                .body("job_id", equalTo(jobId))
                .body("deliveries[0].ref", equalTo("n-43"))
                .body("deliveries[0].destination", equalTo("+4917612345678"))
                .body("deliveries[0].delivery_attempts[-1].state", equalTo("Sent"));
        authorized().queryParam("job_id", jobId).get(BASE + "/mra/v1/outbound/emails/status")
                .then().statusCode(404);
    }

    @Test
    void statusOfAJobToSeveralDestinationsReportsEachWithTheStatePlannedForItsAddress() {
        io.herald.support.Herald.http().contentType(ContentType.JSON)
                .body("{\"deliveryStates\":{\"dave@example.com\":\"Error\"}}")
                .post(BASE + "/_faults").then().statusCode(200).body("deliveryStates.'dave@example.com'",
                        equalTo("Error"));
        String page = """
                {"destinations": [{"email": "bob@example.com", "ref": "ann-1:2/bob"},
                                  {"email": "dave@example.com", "ref": "ann-1:2/dave"}],
                 "body": [{"name": "body.txt", "type": "text/plain", "charset": "UTF-8",
                           "data": "V2FydHVuZyBhbSBTYW1zdGFn"}],
                 "options": {"email_options": {"subject": "[Wartung] ERP"}, "customer_reference": "evt-9"}}
                """;
        String jobId = authorized().header("X-MRA-SubmitId", "ann-1:2").body(page)
                .post(BASE + "/mra/v1/outbound/emails").then().statusCode(200).extract().path("job_id");

        io.restassured.path.json.JsonPath status = authorized().queryParam("job_id", jobId)
                .get(BASE + "/mra/v1/outbound/emails/status").then().statusCode(200).extract().jsonPath();

        assertThat(status.getString("job_id")).isEqualTo(jobId);
        assertThat(status.getList("job_state")).containsExactly("Complete");
        assertThat(status.getList("deliveries.ref")).containsExactly("ann-1:2/bob", "ann-1:2/dave");
        assertThat(status.getList("deliveries.destination")).containsExactly("bob@example.com", "dave@example.com");
        assertThat(status.getList("deliveries[0].delivery_attempts.state")).containsExactly("Submitted", "Sent");
        assertThat(status.getList("deliveries[0].delivery_attempts.gamma_code")).containsExactly("0", "0");
        assertThat(status.getList("deliveries[1].delivery_attempts.state")).containsExactly("Submitted", "Error");
        assertThat(status.getList("deliveries[1].delivery_attempts.gamma_code")).containsExactly("0", "550");
    }

    @Test
    void pushToTheConfiguredAppIsRecordedAndOtherAppsAreUnknown() {
        String push = Fixtures.read("push-notification.json");

        authorized().body(push).post(BASE + "/deployments/notifications/" + config.appName() + "/push")
                .then().statusCode(200);
        authorized().body(push).post(BASE + "/deployments/notifications/other-app/push")
                .then().statusCode(404);

        assertThat(simulator.submissionsTo("ada")).singleElement()
                .satisfies(sent -> assertThat(sent.title()).isEqualTo("Order shipped"));
    }

    @Test
    void plannedThrottlingCarriesRetryAfterAndThenCallsSucceedAgain() {
        io.herald.support.Herald.http().contentType(ContentType.JSON)
                .body("{\"failNext\":1,\"failStatus\":429,\"retryAfterSeconds\":3}")
                .post(BASE + "/_faults")
                .then().statusCode(200).body("failNext", equalTo(1));
        String sms = Fixtures.read("sms-submission.json");

        authorized().body(sms).post(BASE + "/mra/v1/outbound/sms")
                .then().statusCode(429).header("Retry-After", "3");
        authorized().body(sms).post(BASE + "/mra/v1/outbound/sms")
                .then().statusCode(200);
    }

    @Test
    void misspeltFaultIsRefused() {
        io.herald.support.Herald.http().contentType(ContentType.JSON).body("{\"failnext\":1}")
                .post(BASE + "/_faults")
                .then().statusCode(400);

        assertThat(simulator.faults().current().failNext()).isZero();
    }

    @Test
    void deletingMessagesForgetsSubmissionsAndFaults() {
        authorized().header("X-MRA-SubmitId", "sub-forget").body(Fixtures.read("sms-submission.json"))
                .post(BASE + "/mra/v1/outbound/sms").then().statusCode(200);
        io.herald.support.Herald.http().contentType(ContentType.JSON)
                .body("{\"failNext\":5,\"latencyMs\":10,\"deliveryStates\":{\"bob@example.com\":\"Error\"}}")
                .post(BASE + "/_faults").then().statusCode(200);

        io.herald.support.Herald.http().delete(BASE + "/_messages").then().statusCode(204);

        io.herald.support.Herald.http().get(BASE + "/_messages").then().body("", hasSize(0));
        io.herald.support.Herald.http().get(BASE + "/_faults").then()
                .body("failNext", equalTo(0))
                .body("latencyMs", equalTo(0))
                .body("down", equalTo(false))
                .body("deliveryStates", equalTo(java.util.Map.of()));
    }

    @Test
    void downClosesConnectionsWithoutAnswerUntilBackUp() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest tokenRequest = HttpRequest.newBuilder(root.resolve(tokenPath().substring(1)))
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .build();
        io.herald.support.Herald.http().contentType(ContentType.JSON).body("{\"down\":true}").post(BASE + "/_faults")
                .then().statusCode(200);

        assertThatThrownBy(() -> client.send(tokenRequest, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);

        io.herald.support.Herald.http().contentType(ContentType.JSON).body("{\"down\":false}").post(BASE + "/_faults")
                .then().statusCode(200);
        assertThat(client.send(tokenRequest, HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("answers again, here refusing the missing credentials").isEqualTo(401);
    }
}
