package io.herald.routing;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Events for tests: built in place, read from CloudEvents JSON fixtures under {@code routing/events/}, or the
 * samples of {@code samples/events/}.
 */
final class TestEvents {

    private TestEvents() {
    }

    static CloudEventBuilder builder(String type) {
        return CloudEventBuilder.v1().withId("evt-1").withSource(URI.create("/test")).withType(type);
    }

    static CloudEvent event(String type) {
        return builder(type).build();
    }

    static CloudEvent event(String type, String jsonData) {
        return builder(type).withDataContentType("application/json")
                .withData(jsonData.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /** One of the sample events under {@code samples/events/} that the README sends with curl. */
    static CloudEvent fromSample(String name) {
        try {
            return new JsonFormat().deserialize(Files.readAllBytes(Path.of("samples/events", name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CloudEvent fromResource(String name) {
        try (InputStream in = TestEvents.class.getClassLoader().getResourceAsStream("routing/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new JsonFormat().deserialize(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
