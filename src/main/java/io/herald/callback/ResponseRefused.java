package io.herald.callback;

/**
 * A response that cannot be recorded although its link is genuine: 403 when the link does not allow the action,
 * 404 when the task is unknown, 409 when the task was decided already (by someone else, or otherwise) or the
 * link was used for another action. The reason is safe to show to the person responding.
 */
public class ResponseRefused extends RuntimeException {

    private final int status;

    public ResponseRefused(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
