package io.herald.callback;

import io.herald.domain.Decision;
import io.herald.domain.Task;
import io.herald.domain.WriteBack;
import io.herald.writeback.WriteBackIds;
import io.herald.writeback.WriteBackKinds;
import io.herald.writeback.WriteBackRecorder;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes every recorded response back to the task's source system. A decision's write-back is keyed by the task
 * and action, so a repeated decision writes back once; comments are keyed by the link that carried them, so each
 * comment is written back once.
 */
@ApplicationScoped
public class WriteBackFollowUp implements ResponseFollowUp {

    private final WriteBackRecorder writeBacks;

    public WriteBackFollowUp(WriteBackRecorder writeBacks) {
        this.writeBacks = writeBacks;
    }

    @Override
    public void recorded(Task task, Decision decision) {
        WriteBack planned = writeBacks.plan(task, WriteBackKinds.RESPONSE, decision.action(), decision.actor(),
                decision.comment(), decision.at());
        if (ResponseRecorder.COMMENT.equals(decision.action()) && decision.tokenId() != null) {
            planned = withId(planned, WriteBackIds.of(task.id(), WriteBackKinds.RESPONSE, "comment\u0000"
                    + decision.tokenId()));
        }
        writeBacks.record(planned);
    }

    private static WriteBack withId(WriteBack w, String id) {
        return new WriteBack(id, w.taskId(), w.eventSource(), w.eventId(), w.entity(), w.kind(), w.action(),
                w.actor(), w.comment(), w.occurredAt(), w.status(), w.attempts(), w.nextAttemptAt(), w.lastError(),
                w.createdAt(), w.updatedAt(), w.version());
    }
}
