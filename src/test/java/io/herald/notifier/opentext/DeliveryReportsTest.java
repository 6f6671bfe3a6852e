package io.herald.notifier.opentext;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.notifier.DeliveryReport;
import io.herald.notifier.DeliveryReport.Outcome;
import io.herald.notifier.opentext.wire.JobStatus;
import java.util.Map;
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
        "n-sent,              DELIVERED,   Sent,      0",
        "n-error-after-retry, FAILED,      Error,     550",
        "n-cancelled,         FAILED,      Cancelled, 0",
        "n-submitted,         IN_PROGRESS, Submitted, 0"
    })
    void lastAttemptDecidesTheOutcome(String ref, Outcome outcome, String state, String code) throws Exception {
        DeliveryReport report = DeliveryReports.forRecipient(fixture("status-deliveries.json"), ref);

        assertThat(report).isEqualTo(new DeliveryReport(outcome, state, code));
    }

    @Test
    void everyDeliveryOfAJobIsReportedByItsRefInOneReading() throws Exception {
        Map<String, DeliveryReport> reports = DeliveryReports.forEachRecipient(fixture("status-deliveries.json"));

        assertThat(reports).containsExactly(
                Map.entry("n-sent", new DeliveryReport(Outcome.DELIVERED, "Sent", "0")),
                Map.entry("n-error-after-retry", new DeliveryReport(Outcome.FAILED, "Error", "550")),
                Map.entry("n-cancelled", new DeliveryReport(Outcome.FAILED, "Cancelled", "0")),
                Map.entry("n-submitted", new DeliveryReport(Outcome.IN_PROGRESS, "Submitted", "0")),
                Map.entry("n-no-attempt-yet", new DeliveryReport(Outcome.IN_PROGRESS, null)));
    }

    @Test
    void aPageJobsAnswerReportsEachMemberByPageAndUser() throws Exception {
        JobStatus page = mapper.readValue("""
                {
                  "job_id": "usme-31415926",
                  "job_state": [{"state": "Complete", "count": 3}],
                  "deliveries": [
                    {"ref": "ann-1:2/bob", "destination": "bob@example.com",
                     "delivery_attempts": [{"state": "Submitted", "gamma_code": "0", "time": "2024-05-02T10:15:00Z"},
                                           {"state": "Sent", "gamma_code": "0", "time": "2024-05-02T10:15:04Z"}]},
                    {"ref": "ann-1:2/dave", "destination": "dave@example.com",
                     "delivery_attempts": [{"state": "Error", "gamma_code": "550", "time": "2024-05-02T10:15:09Z"}]},
                    {"ref": "ann-1:2/erin", "destination": "erin@example.com",
                     "delivery_attempts": [{"state": "Submitted", "gamma_code": "0", "time": "2024-05-02T10:15:00Z"}]}
                  ]
                }
                """, JobStatus.class);

        Map<String, DeliveryReport> reports = DeliveryReports.forEachRecipient(page);

        assertThat(reports).containsExactly(
                Map.entry("ann-1:2/bob", new DeliveryReport(Outcome.DELIVERED, "Sent", "0")),
                Map.entry("ann-1:2/dave", new DeliveryReport(Outcome.FAILED, "Error", "550")),
                Map.entry("ann-1:2/erin", new DeliveryReport(Outcome.IN_PROGRESS, "Submitted", "0")));
        assertThat(reports.values()).extracting(DeliveryReport::reason)
                .containsExactly("Sent", "Error, code 550", "Submitted");
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

        assertThat(report).isEqualTo(new DeliveryReport(Outcome.DELIVERED, "Sent", "0"));
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
