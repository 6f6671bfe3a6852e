package io.herald.notifier.opentext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.notifier.SendFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads JSON answers into the beans of {@link io.herald.notifier.opentext.wire}. */
@ApplicationScoped
class WireJson {

    private final ObjectMapper mapper;
    private final ProviderFailures failures;

    @Inject
    WireJson(ObjectMapper mapper, ProviderFailures failures) {
        this.mapper = mapper;
        this.failures = failures;
    }

    /** @throws SendFailure permanent, quoting the answer, when it is not the expected JSON */
    <T> T read(ProviderReply reply, Class<T> type) throws SendFailure {
        T value = readOrNull(reply.body(), type);
        if (value == null) {
            throw failures.unusable(reply, "not a " + type.getSimpleName());
        }
        return value;
    }

    /** Null when {@code body} is empty or not the expected JSON. */
    <T> T readOrNull(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(body, type);
        } catch (JsonProcessingException unreadable) {
            return null;
        }
    }
}
