package io.herald.simulator.opentext;

import io.herald.domain.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps every accepted submission, answers repeated submit ids with the original, and finds jobs by id. */
@ApplicationScoped
class SubmissionRecorder {

    private final List<RecordedSubmission> submissions = new ArrayList<>();
    private final Map<String, RecordedSubmission> bySubmitId = new HashMap<>();
    private final Map<String, RecordedSubmission> byJobId = new HashMap<>();

    /**
     * Records {@code submission} unless its channel already has one with the same submit id.
     *
     * @return what is on record for that submit id: the earlier submission, or {@code submission}
     */
    synchronized RecordedSubmission recordOnce(RecordedSubmission submission) {
        if (submission.submitId() != null) {
            RecordedSubmission earlier = bySubmitId.get(submitKey(submission.channel(), submission.submitId()));
            if (earlier != null) {
                return earlier;
            }
            bySubmitId.put(submitKey(submission.channel(), submission.submitId()), submission);
        }
        record(submission);
        return submission;
    }

    /** Records {@code submission} whatever came before, as the gateway does. */
    synchronized void record(RecordedSubmission submission) {
        submissions.add(submission);
        if (submission.jobId() != null) {
            byJobId.put(submission.jobId(), submission);
        }
    }

    synchronized Optional<RecordedSubmission> job(Channel channel, String jobId) {
        return Optional.ofNullable(byJobId.get(jobId)).filter(submission -> submission.channel() == channel);
    }

    synchronized List<RecordedSubmission> all() {
        return List.copyOf(submissions);
    }

    synchronized List<RecordedSubmission> to(String address) {
        return submissions.stream().filter(submission -> submission.isTo(address)).toList();
    }

    synchronized void clear() {
        submissions.clear();
        bySubmitId.clear();
        byJobId.clear();
    }

    private static String submitKey(Channel channel, String submitId) {
        return channel.id() + ":" + submitId;
    }
}
