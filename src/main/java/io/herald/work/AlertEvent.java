package io.herald.work;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the event of Herald's own behind an integration-failure alert ({@link FailureAlerts#raise}): the values
 * the integration-failure template shows ({@code transactionId}, {@code sourceSystem}, {@code errorCode},
 * {@code errorMessage}, {@code retryStatus}), then details of what failed.
 */
public final class AlertEvent {

    private static final int MAX_MESSAGE = 500;

    private final Map<String, Object> data = new LinkedHashMap<>();

    private AlertEvent() {
    }

    /** @param errorMessage what went wrong; cut to 500 characters, none when null */
    public static AlertEvent of(String transactionId, String sourceSystem, String errorCode, String errorMessage,
            String retryStatus) {
        String message = errorMessage == null ? ""
                : errorMessage.length() > MAX_MESSAGE ? errorMessage.substring(0, MAX_MESSAGE) + "..." : errorMessage;
        return new AlertEvent().with("transactionId", transactionId).with("sourceSystem", sourceSystem)
                .with("errorCode", errorCode).with("errorMessage", message).with("retryStatus", retryStatus);
    }

    /** A detail of what failed, shown to whoever reads the alert event. */
    public AlertEvent with(String name, Object value) {
        data.put(name, value);
        return this;
    }

    /**
     * @param id keyed by what failed, so that raising the alert again changes nothing
     * @param subject the id of what failed
     */
    public StoredEvent event(String source, String id, String type, String subject, Instant now, ObjectMapper json) {
        try {
            return new StoredEvent(source, id, type, subject, now, now, Map.of(), "application/json",
                    json.writeValueAsString(data), EventStatus.RECEIVED, List.of(), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
