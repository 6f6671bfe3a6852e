package io.herald.callback;

import io.herald.domain.Decision;
import io.herald.domain.Task;

/**
 * What became of a response.
 *
 * @param repeated true when this exact response was recorded before (a double click): nothing new happened
 * @param decision the decision now on record for this response
 */
public record Answer(Task task, Decision decision, boolean repeated) {
}
