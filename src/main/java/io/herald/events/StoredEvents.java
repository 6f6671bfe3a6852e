package io.herald.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.v1.CloudEventV1;
import io.herald.domain.EventStatus;
import io.herald.domain.StoredEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between the CloudEvents SDK's events and the form Herald stores. */
public final class StoredEvents {

    private StoredEvents() {
    }

    /**
     * Events of Herald's own (alerts, SLA messages) come from sources under this prefix. Their raiser completes
     * them, so recovery leaves them alone: the routing rules, made for connected systems, would not route them.
     */
    public static final String OWN_SOURCE_PREFIX = "urn:herald:";

    public static boolean isOwn(StoredEvent event) {
        return event.source().startsWith(OWN_SOURCE_PREFIX);
    }

    public static StoredEvent from(CloudEvent event, Instant receivedAt) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : event.getAttributeNames()) {
            Object value = event.getAttribute(name);
            if (value != null) {
                attributes.put(name, value.toString());
            }
        }
        for (String name : event.getExtensionNames()) {
            Object value = event.getExtension(name);
            if (value != null) {
                attributes.put(name, value.toString());
            }
        }
        Instant time = event.getTime() == null ? null : event.getTime().toInstant().truncatedTo(ChronoUnit.MICROS);
        String data = event.getData() == null ? null : new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        return new StoredEvent(event.getSource().toString(), event.getId(), event.getType(), event.getSubject(), time,
                receivedAt.truncatedTo(ChronoUnit.MICROS), attributes, event.getDataContentType(), data,
                EventStatus.RECEIVED, List.of(), null);
    }

    public static CloudEvent toCloudEvent(StoredEvent stored) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(stored.id())
                .withSource(URI.create(stored.source()))
                .withType(stored.type());
        if (stored.subject() != null) {
            builder.withSubject(stored.subject());
        }
        if (stored.time() != null) {
            builder.withTime(OffsetDateTime.ofInstant(stored.time(), java.time.ZoneOffset.UTC));
        }
        String dataSchema = stored.attributes().get(CloudEventV1.DATASCHEMA);
        if (dataSchema != null) {
            builder.withDataSchema(URI.create(dataSchema));
        }
        stored.attributes().forEach((name, value) -> {
            if (!isContextAttribute(name)) {
                builder.withExtension(name, value);
            }
        });
        if (stored.data() != null) {
            builder.withData(stored.dataContentType(), stored.data().getBytes(StandardCharsets.UTF_8));
        } else if (stored.dataContentType() != null) {
            builder.withDataContentType(stored.dataContentType());
        }
        return builder.build();
    }

    private static boolean isContextAttribute(String name) {
        return switch (name) {
            case CloudEventV1.SPECVERSION, CloudEventV1.ID, CloudEventV1.SOURCE, CloudEventV1.TYPE,
                    CloudEventV1.SUBJECT, CloudEventV1.TIME, CloudEventV1.DATACONTENTTYPE, CloudEventV1.DATASCHEMA ->
                true;
            default -> false;
        };
    }
}
