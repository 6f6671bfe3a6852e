package io.herald.notifier.opentext;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.notifier.DeliveryReport;
import io.herald.notifier.DeliveryReport.Outcome;
import io.herald.notifier.opentext.wire.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Status answers (fixtures in OpenText's format) mapped to Herald's outcomes. */
class DeliveryReportsTest {

    // Strict about unknown fields everywhere else, so the beans' own tolerance is what is tested.
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JobStatus fixture(String name) throws Exception {
        return mapper.readValue(Fixtures.read(name), JobStatus.class);
    }

    @ParameterizedTest(name = "{0}: last attempt {2} -> {1}")
    @CsvSource({
        "n-sent,              DELIVERED,   Sent",
        "n-error-after-retry, FAILED,      Error",
        "n-cancelled,         FAILED,      Cancelled",
        "n-submitted,         IN_PROGRESS, Submitted"
    })
    void lastAttemptDecidesTheOutcome(String ref, Outcome outcome, String state) throws Exception {
        DeliveryReport report = DeliveryReports.forRecipient(fixture("status-deliveries.json"), ref);

        assertThat(report).isEqualTo(new DeliveryReport(outcome, state));
    }

    @Test
    void deliveryWithoutAttemptsIsInProgress() throws Exception {
        DeliveryReport report = DeliveryReports.forRecipient(fixture("status-deliveries.json"), "n-no-attempt-yet");

        assertThat(report).isEqualTo(new DeliveryReport(Outcome.IN_PROGRESS, null));
    }

    @Test
    void recipientMissingFromTheAnswerIsInProgress() throws Exception {
        DeliveryReport report = DeliveryReports.forRecipient(fixture("status-deliveries.json"), "n-unknown");

        assertThat(report.outcome()).isEqualTo(Outcome.IN_PROGRESS);
    }

    @Test
    void singleDeliveryWithoutRefIsTakenForTheRecipient() throws Exception {
        DeliveryReport report =
                DeliveryReports.forRecipient(fixture("status-single-delivery-without-ref.json"), "n-42");

        assertThat(report).isEqualTo(new DeliveryReport(Outcome.DELIVERED, "Sent"));
    }

    @Test
    void answerWithoutDeliveriesIsInProgress() throws Exception {
        JobStatus status = mapper.readValue("{\"job_id\":\"j\",\"job_state\":[\"Processing\"]}", JobStatus.class);

        assertThat(DeliveryReports.forRecipient(status, "n-1").outcome()).isEqualTo(Outcome.IN_PROGRESS);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"SENT, DELIVERED", "error, FAILED", "CANCELLED, FAILED", "Queued, IN_PROGRESS"})
    void stateWordsAreReadIgnoringCaseAndUnknownOnesAreInProgress(String state, Outcome outcome) {
        assertThat(DeliveryReports.outcomeOf(state)).isEqualTo(outcome);
    }
}
