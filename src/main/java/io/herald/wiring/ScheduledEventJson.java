package io.herald.wiring;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;

/**
 * Lets a Lambda handler of a scheduled function take the event EventBridge Scheduler sends as a
 * {@link ScheduledEvent}. Scheduler's default notification carries its {@code detail} as the JSON text
 * {@code "{}"} where EventBridge rules carry an object, and Jackson cannot read text into the event's map. The
 * Lambda runtime reads events with a copy of the application's object mapper, which this customizes.
 */
@Singleton
public class ScheduledEventJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(ScheduledEvent.class, DetailAsObjectOrText.class);
    }

    /** Reads {@code detail} with {@link DetailDeserializer}. */
    public abstract static class DetailAsObjectOrText {

        @JsonDeserialize(using = DetailDeserializer.class)
        abstract void setDetail(Map<String, Object> detail);
    }

    /** A JSON object, or the text of one. */
    public static final class DetailDeserializer extends JsonDeserializer<Map<String, Object>> {

        private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
        };
        private static final ObjectMapper TEXT = new ObjectMapper();

        @Override
        public Map<String, Object> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                return text.isBlank() ? Map.of() : TEXT.readValue(text, MAP);
            }
            return context.readValue(parser, context.getTypeFactory().constructType(MAP));
        }
    }
}
