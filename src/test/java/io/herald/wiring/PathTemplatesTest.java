package io.herald.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A template's literal parts match as they are and each {name} one whole segment, as API Gateway routes. */
class PathTemplatesTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
            "/events, /events, true",
            "/events, /events/, true",
            "/events, /events//, false",
            "/events, /event, false",
            "/events, /eventsx, false",
            "/events, /events/unrouted, false",
            "/events, '', false",
            "/tasks/{id}, /tasks/8f1c2a34, true",
            "/tasks/{id}, /tasks/8f1c2a34/, true",
            "/tasks/{id}, /tasks/, false",
            "/tasks/{id}, /tasks, false",
            "/tasks/{id}, /tasks/a/b, false",
            "/announcements/{id}/recipients, /announcements/a1/recipients, true",
            "/announcements/{id}/recipients, /announcements//recipients, false",
            "/announcements/{id}/recipients, /announcements/a1/recipient, false",
            "/announcements/{id}/recipients, /announcements/a1, false",
            "/a/{x}/{y}, /a/1/2, true",
            "/a/{x}/{y}, /a/1, false",
    })
    void pathMatchesItsTemplateSegmentBySegment(String template, String path, boolean matches) {
        assertThat(PathTemplates.matches(PathTemplates.checked(template), path)).isEqualTo(matches);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{id}", "/tasks/x{id}", "/tasks/{id}x", "/tasks/{id", "/tasks/{id}.json"})
    void templateWhoseParameterIsNotAWholeSegmentIsRefused(String template) {
        assertThatThrownBy(() -> PathTemplates.checked(template)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(template);
    }
}
