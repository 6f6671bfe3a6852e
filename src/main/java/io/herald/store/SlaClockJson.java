package io.herald.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.herald.domain.SlaClock;

/**
 * Keeps a task's SLA clock, with its pinned policy, as one JSON text in every store: the clock is read and
 * written whole with its task, and only its next check time needs an index of its own.
 */
public final class SlaClockJson {

    // A mapper of its own: stored clocks must not change when the application tunes its HTTP JSON.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SlaClockJson() {
    }

    public static String write(SlaClock clock) {
        if (clock == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(clock);
        } catch (JsonProcessingException e) {
            throw new StoreException("could not encode the SLA clock as JSON");
        }
    }

    public static SlaClock read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, SlaClock.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored SLA clock is not the expected JSON");
        }
    }
}
