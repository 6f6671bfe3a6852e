package io.herald.notifier.opentext.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Answer of {@code GET /mra/v1/outbound/{emails|sms}/status?job_id=...}.
 *
 * @param jobState kept as raw JSON: its shape is not published and Herald decides per delivery, not per job
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobStatus(
        @JsonProperty("job_id") String jobId,
        @JsonProperty("job_state") JsonNode jobState,
        List<Delivery> deliveries) {

    /** The delivery to one destination, with every attempt in the order OpenText lists them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(
            String ref,
            String destination,
            @JsonProperty("delivery_attempts") List<Attempt> deliveryAttempts) {
    }

    /** {@code state} is one of {@code Sent}, {@code Submitted}, {@code Error}, {@code Cancelled}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attempt(
            String state,
            @JsonProperty("gamma_code") String gammaCode,
            String time) {
    }
}
