package io.herald.simulator.opentext;

import io.herald.domain.Channel;
import io.herald.simulator.RecentRecord;
import io.herald.simulator.RecentRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the most recent accepted submissions, answers repeated submit ids with the original, and finds jobs by id.
 * A submission pushed out of the record takes its submit id and job with it: a repeat of that id is accepted anew,
 * and a status request for that job is answered 404.
 */
@ApplicationScoped
class SubmissionRecorder {

    private final RecentRecord<RecordedSubmission> submissions;
    private final Map<String, RecordedSubmission> bySubmitId = new HashMap<>();
    private final Map<String, RecordedSubmission> byJobId = new HashMap<>();

    @Inject
    SubmissionRecorder(RecentRecords records) {
        this.submissions = records.keeping(this::forget);
    }

    /**
     * Records {@code submission} unless its channel already has one with the same submit id.
     *
     * @return what is on record for that submit id: the earlier submission, or {@code submission}
     */
    synchronized RecordedSubmission recordOnce(RecordedSubmission submission) {
        if (submission.submitId() != null) {
            RecordedSubmission earlier = bySubmitId.putIfAbsent(submitKey(submission), submission);
            if (earlier != null) {
                return earlier;
            }
        }
        record(submission);
        return submission;
    }

    /** Records {@code submission} whatever came before, as the gateway does. */
    synchronized void record(RecordedSubmission submission) {
        if (submission.jobId() != null) {
            byJobId.put(submission.jobId(), submission);
        }
        submissions.add(submission);
    }

    synchronized Optional<RecordedSubmission> job(Channel channel, String jobId) {
        return Optional.ofNullable(byJobId.get(jobId)).filter(submission -> submission.channel() == channel);
    }

    synchronized List<RecordedSubmission> all() {
        return submissions.list();
    }

    synchronized List<RecordedSubmission> to(String address) {
        return submissions.stream().filter(submission -> submission.isTo(address)).toList();
    }

    synchronized void clear() {
        submissions.clear();
        bySubmitId.clear();
        byJobId.clear();
    }

    private void forget(RecordedSubmission submission) {
        if (submission.submitId() != null) {
            bySubmitId.remove(submitKey(submission), submission);
        }
        if (submission.jobId() != null) {
            byJobId.remove(submission.jobId(), submission);
        }
    }

    private static String submitKey(RecordedSubmission submission) {
        return submission.channel().id() + ":" + submission.submitId();
    }
}
