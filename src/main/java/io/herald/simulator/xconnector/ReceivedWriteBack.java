package io.herald.simulator.xconnector;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * A write-back the simulator applied, as it arrived.
 *
 * @param headers the request headers, names case-insensitive
 * @param body the body as JSON
 * @param rawBody the body exactly as it arrived, which is what the signature covers
 */
public record ReceivedWriteBack(Instant receivedAt, Map<String, String> headers, JsonNode body, String rawBody) {

    public String header(String name) {
        return headers.get(name);
    }
}
