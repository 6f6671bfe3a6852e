package io.herald.queue;

/** The setting that chooses the queue adapter, and its values. */
public final class QueueKinds {

    public static final String SETTING = "herald.queue.kind";
    public static final String IN_PROCESS = "in-process";
    public static final String SQS = "sqs";

    private QueueKinds() {
    }
}
