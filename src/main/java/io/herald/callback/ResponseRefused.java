package io.herald.callback;

import io.herald.domain.Task;

/**
 * A response that cannot be recorded although its link is genuine. Nothing was recorded; the reason is safe to show
 * to the person responding, and {@link #task()} (when known) lets a page say what became of the request.
 */
public class ResponseRefused extends RuntimeException {

    /** Why, each with its HTTP status. */
    public enum Kind {
        /** The link does not offer this answer. */
        NOT_OFFERED(403),
        /** The link's holder is not (or no longer) among the task's assignees. */
        NOT_YOURS(403),
        /** The task is not in the store. */
        UNKNOWN_TASK(404),
        /** Someone decided first, or the same person answered otherwise. */
        DECIDED(409),
        /** The link was used for another answer. */
        LINK_USED(409),
        /** The source system closed the request before it was answered. */
        WITHDRAWN(410),
        /** The rule asks a reason for this answer, and none was given. */
        REASON_REQUIRED(422);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final transient Task task;

    public ResponseRefused(Kind kind, String reason, Task task) {
        super(reason, null, false, false);
        this.kind = kind;
        this.task = task;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return kind.status();
    }

    /** The task as it stood when the response was refused; null when there is none. */
    public Task task() {
        return task;
    }
}
