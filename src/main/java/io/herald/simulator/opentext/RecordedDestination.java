package io.herald.simulator.opentext;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One destination of a recorded submission.
 *
 * @param address e-mail address, phone number or in-app user id
 * @param ref the client's reference, echoed in status answers; null for pushes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordedDestination(String address, String ref) {
}
