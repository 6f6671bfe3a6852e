package io.herald.store;

/**
 * The store could not carry out an operation: unreachable, misconfigured, or given a value it cannot hold.
 *
 * <p>A write that failed this way may or may not have happened; callers repeat the step, which is safe because
 * every step is idempotent. The message names the operation and the reason but never a stored value, because
 * values may hold personal data and exceptions end up in logs.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }
}
