package io.herald.simulator.xconnector;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.herald.simulator.Faults;

/**
 * How the simulator's write-back endpoint misbehaves; body of {@code POST /sim/xconnector/_faults}. A null field
 * leaves that setting as it is.
 *
 * @param latencyMs delay before every write-back call is handled
 * @param failNext how many of the next write-back calls answer {@code failStatus} without applying anything
 * @param failStatus HTTP status of those failures (default 503)
 * @param retryAfterSeconds {@code Retry-After} sent with 429 and 503 failures (default 1)
 * @param down true: write-back calls get their connection closed without an answer, until set back to false
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record XConnectorFaultSettings(
        Long latencyMs,
        Integer failNext,
        Integer failStatus,
        Integer retryAfterSeconds,
        Boolean down) implements Faults.Settings {
}
