package io.herald.writeback;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.herald.domain.WriteBack;

/**
 * The JSON body of a write-back call, as {@code docs/xconnector-writeback.openapi.yaml} defines it.
 *
 * @param id the write-back id, also sent as {@code Idempotency-Key}
 * @param comment omitted when there is none
 * @param occurredAt RFC 3339, UTC
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "kind", "targetSystem", "entityType", "entityId", "action", "actor", "comment",
        "occurredAt", "correlation"})
public record WriteBackBody(
        String id,
        String kind,
        String targetSystem,
        String entityType,
        String entityId,
        String action,
        String actor,
        String comment,
        String occurredAt,
        Correlation correlation) {

    /** Where the write-back came from in Herald, for xConnector's logs and support. */
    @JsonPropertyOrder({"eventSource", "eventId", "taskId"})
    public record Correlation(String eventSource, String eventId, String taskId) {
    }

    public static WriteBackBody of(WriteBack writeBack) {
        return new WriteBackBody(writeBack.id(), writeBack.kind(), writeBack.entity().system(),
                writeBack.entity().type(), writeBack.entity().id(), writeBack.action(), writeBack.actor(),
                writeBack.comment(), writeBack.occurredAt().toString(),
                new Correlation(writeBack.eventSource(), writeBack.eventId(), writeBack.taskId()));
    }
}
