package io.herald.simulator.opentext;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.herald.simulator.Faults;
import java.util.Map;

/**
 * How the simulator misbehaves; body of {@code POST /sim/opentext/_faults}. A null field leaves that setting as it
 * is.
 *
 * @param latencyMs delay before every OpenText call is handled
 * @param failNext how many of the next messaging and push calls answer {@code failStatus}
 * @param failStatus HTTP status of those failures (default 503)
 * @param retryAfterSeconds {@code Retry-After} sent with 429 and 503 failures (default 1)
 * @param down true: OpenText calls get their connection closed without an answer, until set back to false
 * @param deliveryState the attempt state status answers report for every delivery (default {@code Sent})
 * @param deliveryStates exceptions to {@code deliveryState} by destination address (e.g. one address that
 *        bounces: {@code {"bob@example.com": "Error"}}); replaces the exceptions set before, {@code {}} clears them
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultSettings(
        Long latencyMs,
        Integer failNext,
        Integer failStatus,
        Integer retryAfterSeconds,
        Boolean down,
        String deliveryState,
        Map<String, String> deliveryStates) implements Faults.Settings {

    public FaultSettings {
        deliveryStates = deliveryStates == null ? null : Map.copyOf(deliveryStates);
    }
}
