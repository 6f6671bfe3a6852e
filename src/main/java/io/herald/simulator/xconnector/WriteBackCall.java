package io.herald.simulator.xconnector;

import java.time.Instant;

/**
 * One call to the simulator's write-back endpoint, whatever became of it.
 *
 * @param idempotencyKey the {@code Idempotency-Key} header, or null when missing
 * @param status the answer's HTTP status; 0 when the connection was closed without one (simulated outage)
 */
public record WriteBackCall(Instant at, String idempotencyKey, int status) {
}
