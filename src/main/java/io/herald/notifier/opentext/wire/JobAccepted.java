package io.herald.notifier.opentext.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer to an accepted e-mail or SMS submission. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobAccepted(@JsonProperty("job_id") String jobId) {
}
