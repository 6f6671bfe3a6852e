package io.herald.schedule;

/**
 * A function triggered by a schedule of {@code functions.yaml}. Local mode calls {@link #run()} at the interval
 * ({@code every}) of the function's schedule; in the cloud EventBridge Scheduler invokes the function's Lambda
 * handler instead.
 *
 * <p>Local mode never starts a run while the previous one is still going, but other processes may run the same
 * function at the same time, so a run must be safe alongside another. A run that throws is logged and the next
 * tick runs it again.
 */
public interface ScheduledFunction {

    /** The function's handler name in {@code functions.yaml}. */
    String name();

    void run();
}
