package io.herald.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.jackson.JsonCloudEventData;
import java.io.IOException;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * An event being routed. Its data is parsed as JSON on first use and kept, so all rules, references and
 * {@link EventPath}s read from one instance share a single parse. Used by one thread at a time.
 */
public final class RoutableEvent {

    private static final Logger LOG = Logger.getLogger(RoutableEvent.class);
    // Big decimals keep 10000.01 from collapsing to 10000.0 before conditions see it.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final CloudEvent event;
    private JsonNode data;

    public RoutableEvent(CloudEvent event) {
        this.event = event;
    }

    public CloudEvent event() {
        return event;
    }

    /** The data as a JSON tree; a missing node when there is no data or it is not JSON. */
    public JsonNode data() {
        if (data == null) {
            data = parse();
        }
        return data;
    }

    private JsonNode parse() {
        CloudEventData payload = event.getData();
        if (payload == null) {
            return MissingNode.getInstance();
        }
        if (payload instanceof JsonCloudEventData json) {
            return json.getNode();
        }
        if (!isJson(event.getDataContentType())) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode tree = JSON.readTree(payload.toBytes());
            return tree == null ? MissingNode.getInstance() : tree;
        } catch (IOException e) {
            // The parser's message quotes the data, which may be personal; name the event only.
            LOG.warnf("Data of event %s from %s is not valid JSON; rules see no data fields", event.getId(),
                    event.getSource());
            return MissingNode.getInstance();
        }
    }

    /** Absent content type counts as JSON: xConnector sends JSON and structured-mode events often omit it. */
    private static boolean isJson(String contentType) {
        return contentType == null || contentType.toLowerCase(Locale.ROOT).contains("json");
    }
}
