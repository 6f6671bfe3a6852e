package io.herald.callback;

import io.herald.domain.Decision;
import io.herald.domain.Task;

/**
 * What happens after a response is on record: its write-back to the source system (and, with SLA clocks, the
 * end of escalation). Called again for a repeated response, so implementations must be idempotent.
 */
public interface ResponseFollowUp {

    void recorded(Task task, Decision decision);
}
