package io.herald.notifier.opentext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.domain.Channel;
import io.herald.domain.Priority;
import io.herald.notifier.DeliveryReport;
import io.herald.notifier.DeliveryReport.Outcome;
import io.herald.notifier.Notifier;
import io.herald.notifier.OutboundMessage;
import io.herald.notifier.SendFailure;
import io.herald.notifier.SubmitReceipt;
import io.herald.simulator.opentext.OpenTextSimulator;
import io.herald.simulator.opentext.RecordedDestination;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The adapter against the simulator over real HTTP on the test port. */
@QuarkusTest
class OpenTextNotifierTest {

    @Inject
    Notifier notifier;

    @Inject
    OpenTextSimulator simulator;

    @Inject
    OpenTextTokens tokens;

    @Inject
    OpenTextConfig config;

    @BeforeEach
    @AfterEach
    void resetSimulator() {
        simulator.reset();
    }

    private static OutboundMessage email(String submitId, String address) {
        return new OutboundMessage(submitId, "ref-" + submitId, Channel.EMAIL, address, "Order shipped",
                "<p>Grüße, Ada</p>", "Grüße, Ada", Priority.NORMAL, "evt-7");
    }

    private static OutboundMessage sms(String submitId, String number) {
        return new OutboundMessage(submitId, "ref-" + submitId, Channel.SMS, number, null, null,
                "Order 7 shipped", Priority.HIGH, "evt-7");
    }

    private static OutboundMessage push(String submitId, String user) {
        return new OutboundMessage(submitId, "ref-" + submitId, Channel.INAPP, user, "Order shipped", null,
                "Order 7 is on its way", Priority.NORMAL, "evt-7");
    }

    @Test
    void notifierIsTheOpenTextAdapter() {
        assertThat(notifier).isInstanceOf(OpenTextNotifier.class);
    }

    @Test
    void submittedEmailArrivesWithSubjectDecodedBodiesAndReferences() throws Exception {
        SubmitReceipt receipt = notifier.submit(email("sub-e1", "ada@example.com"));

        assertThat(simulator.submissionsTo("ada@example.com")).singleElement().satisfies(sent -> {
            assertThat(sent.channel()).isEqualTo(Channel.EMAIL);
            assertThat(sent.submitId()).isEqualTo("sub-e1");
            assertThat(sent.jobId()).isEqualTo(receipt.jobId());
            assertThat(sent.destinations()).containsExactly(new RecordedDestination("ada@example.com", "ref-sub-e1"));
            assertThat(sent.subject()).isEqualTo("Order shipped");
            assertThat(sent.html()).isEqualTo("<p>Grüße, Ada</p>");
            assertThat(sent.text()).isEqualTo("Grüße, Ada");
            assertThat(sent.customerReference()).isEqualTo("evt-7");
            assertThat(sent.receivedAt()).isNotNull();
        });
    }

    @Test
    void submittedSmsArrivesWithTextAndReferences() throws Exception {
        SubmitReceipt receipt = notifier.submit(sms("sub-s1", "+4917612345678"));

        assertThat(simulator.submissionsTo("+4917612345678")).singleElement().satisfies(sent -> {
            assertThat(sent.channel()).isEqualTo(Channel.SMS);
            assertThat(sent.submitId()).isEqualTo("sub-s1");
            assertThat(sent.jobId()).isEqualTo(receipt.jobId());
            assertThat(sent.destinations()).containsExactly(new RecordedDestination("+4917612345678", "ref-sub-s1"));
            assertThat(sent.smsText()).isEqualTo("Order 7 shipped");
            assertThat(sent.customerReference()).isEqualTo("evt-7");
        });
    }

    @Test
    void inAppPushArrivesWithTitleSummaryAndUserAndIsReceiptedBySubmitId() throws Exception {
        SubmitReceipt receipt = notifier.submit(push("sub-p1", "ada"));

        assertThat(receipt.jobId()).isEqualTo("push-sub-p1");
        assertThat(simulator.submissionsTo("ada")).singleElement().satisfies(sent -> {
            assertThat(sent.channel()).isEqualTo(Channel.INAPP);
            assertThat(sent.app()).isEqualTo(config.appName());
            assertThat(sent.users()).containsExactly("ada");
            assertThat(sent.title()).isEqualTo("Order shipped");
            assertThat(sent.summary()).isEqualTo("Order 7 is on its way");
            assertThat(sent.data()).containsEntry("submitId", "sub-p1").containsEntry("ref", "ref-sub-p1");
        });
    }

    @Test
    void tokenIsFetchedOnceAndReusedAcrossSends() throws Exception {
        tokens.invalidate(tokens.token());
        int issuedBefore = simulator.tokensIssued();

        notifier.submit(email("sub-t1", "ada@example.com"));
        notifier.submit(sms("sub-t2", "+4917612345678"));
        notifier.submit(push("sub-t3", "ada"));

        assertThat(simulator.submissions()).hasSize(3);
        assertThat(simulator.tokensIssued() - issuedBefore).isEqualTo(1);
    }

    @Test
    void revokedTokenIsRefreshedOnceAndTheSendSucceeds() throws Exception {
        tokens.token();
        simulator.revokeTokens();
        int issuedBefore = simulator.tokensIssued();

        notifier.submit(email("sub-r1", "ada@example.com"));

        assertThat(simulator.submissions()).hasSize(1);
        assertThat(simulator.tokensIssued() - issuedBefore).isEqualTo(1);
    }

    @Test
    void unauthorizedAfterTheRefreshFailsPermanentlyWithoutAskingAgain() throws Exception {
        tokens.token();
        int issuedBefore = simulator.tokensIssued();
        simulator.faults().failNext(3, 401);

        SendFailure failure = catchThrowableOfType(SendFailure.class,
                () -> notifier.submit(email("sub-u1", "ada@example.com")));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.status()).isEqualTo(401);
        assertThat(simulator.faults().current().failNext()).as("calls left unanswered").isEqualTo(1);
        assertThat(simulator.tokensIssued() - issuedBefore).isEqualTo(1);
        assertThat(simulator.submissions()).isEmpty();
    }

    @Test
    void serviceUnavailableIsRetryable() {
        simulator.faults().failNext(1, 503);

        SendFailure failure = catchThrowableOfType(SendFailure.class,
                () -> notifier.submit(sms("sub-503", "+4917612345678")));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.status()).isEqualTo(503);
        assertThat(failure.response()).startsWith("HTTP 503").contains("simulated_failure");
        assertThat(simulator.submissions()).isEmpty();
    }

    @Test
    void throttlingIsRetryableAfterTheDelayTheProviderAsksFor() {
        simulator.faults().failNext(1, 429, 7);

        SendFailure failure = catchThrowableOfType(SendFailure.class,
                () -> notifier.submit(email("sub-429", "ada@example.com")));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.status()).isEqualTo(429);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void badRequestIsPermanentAndKeepsTheAnswerWithoutCredentials() throws Exception {
        SendFailure failure = catchThrowableOfType(SendFailure.class,
                () -> notifier.submit(email("sub-400", null)));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.response()).startsWith("HTTP 400").contains("destinations[0].email is required");
        String secret = config.clientSecret().orElseThrow().get();
        String token = tokens.token();
        assertThat(failure.response()).doesNotContain(secret, token, "Bearer", "Basic");
        assertThat(failure.getMessage()).doesNotContain(secret, token);
    }

    @Test
    void unreachableProviderIsRetryableWithStatusZero() {
        simulator.faults().down(true);

        SendFailure failure = catchThrowableOfType(SendFailure.class,
                () -> notifier.submit(email("sub-down", "ada@example.com")));

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.status()).isZero();
        assertThat(failure.response()).startsWith("no response");
    }

    @Test
    void resubmittingTheSameSubmitIdGivesTheOriginalJobAndOneDelivery() throws Exception {
        SubmitReceipt first = notifier.submit(email("sub-d1", "ada@example.com"));
        SubmitReceipt second = notifier.submit(email("sub-d1", "ada@example.com"));

        assertThat(second).isEqualTo(first);
        assertThat(simulator.submissions()).hasSize(1);
    }

    @Test
    void emailJustSentIsReportedDelivered() throws Exception {
        OutboundMessage message = email("sub-st1", "ada@example.com");
        SubmitReceipt receipt = notifier.submit(message);

        DeliveryReport report = notifier.status(Channel.EMAIL, receipt.jobId(), message.recipientRef());

        assertThat(report).isEqualTo(new DeliveryReport(Outcome.DELIVERED, "Sent", "0"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Sent, DELIVERED", "Error, FAILED", "Cancelled, FAILED", "Submitted, IN_PROGRESS"})
    void smsStatusFollowsTheProvidersLastAttempt(String state, Outcome outcome) throws Exception {
        OutboundMessage message = sms("sub-st-" + state, "+4917612345678");
        SubmitReceipt receipt = notifier.submit(message);
        simulator.faults().deliveryState(state);

        DeliveryReport report = notifier.status(Channel.SMS, receipt.jobId(), message.recipientRef());

        assertThat(report.outcome()).isEqualTo(outcome);
        assertThat(report.state()).isEqualTo(state);
    }

    @Test
    void everyDeliveryOfAPageJobIsReadInOneStatusCall() throws Exception {
        OutboundMessage page = OutboundMessage.toMany("ann-st:1", Channel.EMAIL, List.of(
                new OutboundMessage.Destination("bob@example.com", "ann-st:1/bob"),
                new OutboundMessage.Destination("dave@example.com", "ann-st:1/dave"),
                new OutboundMessage.Destination("erin@example.com", "ann-st:1/erin")),
                "ERP", null, "ERP down", Priority.NORMAL, "evt-st");
        SubmitReceipt receipt = notifier.submit(page);
        simulator.faults().deliveryState("dave@example.com", "Error");
        simulator.faults().deliveryState("erin@example.com", "Submitted");

        Map<String, DeliveryReport> reports = notifier.statuses(Channel.EMAIL, receipt.jobId(),
                List.of("ann-st:1/bob", "ann-st:1/dave", "ann-st:1/erin", "ann-st:1/nobody"));

        assertThat(reports).containsExactly(
                Map.entry("ann-st:1/bob", new DeliveryReport(Outcome.DELIVERED, "Sent", "0")),
                Map.entry("ann-st:1/dave", new DeliveryReport(Outcome.FAILED, "Error", "550")),
                Map.entry("ann-st:1/erin", new DeliveryReport(Outcome.IN_PROGRESS, "Submitted", "0")),
                Map.entry("ann-st:1/nobody", new DeliveryReport(Outcome.IN_PROGRESS, null)));
    }

    @Test
    void inAppPageIsDeliveredToEveryMemberWithoutAskingTheGateway() throws Exception {
        simulator.faults().down(true);

        Map<String, DeliveryReport> reports = notifier.statuses(Channel.INAPP, "push-p:1", List.of("p:1/a", "p:1/b"));

        assertThat(reports).containsOnlyKeys("p:1/a", "p:1/b").allSatisfy((ref, report) -> assertThat(report)
                .isEqualTo(new DeliveryReport(Outcome.DELIVERED, OpenTextNotifier.PUSH_ACCEPTED)));
    }

    @Test
    void statusOfAnUnknownJobIsAPermanentFailure() {
        SendFailure failure = catchThrowableOfType(SendFailure.class,
                () -> notifier.status(Channel.EMAIL, "no-such-job", "ref-x"));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.status()).isEqualTo(404);
    }

    @Test
    void inAppStatusIsDeliveredWithoutAskingTheGateway() throws Exception {
        simulator.faults().down(true);

        DeliveryReport report = notifier.status(Channel.INAPP, "push-sub-p1", "ref-sub-p1");

        assertThat(report).isEqualTo(new DeliveryReport(Outcome.DELIVERED, OpenTextNotifier.PUSH_ACCEPTED));
    }
}
