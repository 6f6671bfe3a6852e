package io.herald.simulator.opentext;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.domain.Channel;
import io.herald.simulator.RecentRecords;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmissionRecorderTest {

    private final SubmissionRecorder recorder = new SubmissionRecorder(new RecentRecords(2));

    private static RecordedSubmission sms(String submitId, String jobId) {
        return RecordedSubmission.sms(submitId, jobId, Instant.parse("2026-12-08T09:00:00Z"),
                new SmsReader.SmsRequest(List.of(new RecordedDestination("+4917612345678", "n-1")), "Order shipped",
                        "evt-1", null));
    }

    @Test
    void repeatedSubmitIdWithinTheRecordIsAnsweredWithTheOriginalAndPushesNothingOut() {
        RecordedSubmission original = recorder.recordOnce(sms("sub-1", "job-1"));
        recorder.recordOnce(sms("sub-2", "job-2"));

        RecordedSubmission answer = recorder.recordOnce(sms("sub-1", "job-3"));

        assertThat(answer).isSameAs(original);
        assertThat(recorder.all()).extracting(RecordedSubmission::jobId).containsExactly("job-1", "job-2");
        assertThat(recorder.job(Channel.SMS, "job-1")).contains(original);
    }

    @Test
    void submissionPushedOutTakesItsSubmitIdAndJobWithIt() {
        recorder.recordOnce(sms("sub-1", "job-1"));
        recorder.recordOnce(sms("sub-2", "job-2"));
        recorder.recordOnce(sms("sub-3", "job-3"));

        assertThat(recorder.all()).extracting(RecordedSubmission::jobId).containsExactly("job-2", "job-3");
        assertThat(recorder.job(Channel.SMS, "job-1")).isEmpty();
        assertThat(recorder.job(Channel.SMS, "job-2")).isPresent();

        RecordedSubmission again = sms("sub-1", "job-4");
        assertThat(recorder.recordOnce(again)).isSameAs(again);
        assertThat(recorder.all()).extracting(RecordedSubmission::jobId).containsExactly("job-3", "job-4");
    }

    @Test
    void pushesWithoutSubmitIdsOrJobsAreKeptWithinTheSameLimit() {
        PushReader.PushRequest push = new PushReader.PushRequest(List.of("dave"), List.of(), "Title", "Summary",
                Map.of());
        recorder.recordOnce(sms("sub-1", "job-1"));
        recorder.record(RecordedSubmission.push("herald", Instant.parse("2026-12-08T09:00:00Z"), push));
        recorder.record(RecordedSubmission.push("herald", Instant.parse("2026-12-08T09:00:01Z"), push));

        assertThat(recorder.all()).extracting(RecordedSubmission::channel).containsExactly(Channel.INAPP, Channel.INAPP);
        assertThat(recorder.job(Channel.SMS, "job-1")).isEmpty();
    }
}
