package io.herald.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.joda.JodaModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schedule events read as ScheduledEvent, with the mapper settings the Lambda runtime uses. */
class ScheduledEventJsonTest {

    private final ObjectMapper mapper = lambdaMapper();

    @Test
    void eventBridgeSchedulerDetailGivenAsTextIsReadAsItsObject() throws IOException {
        ScheduledEvent event = mapper.readValue(Path.of("src/test/resources/aws/scheduler-sla-sweep.json").toFile(),
                ScheduledEvent.class);
        assertThat(event.getDetail()).isEmpty();
        assertThat(event.getSource()).isEqualTo("aws.scheduler");
        assertThat(event.getResources())
                .containsExactly("arn:aws:scheduler:eu-central-1:123456789012:schedule/default/herald-sla-sweep");
    }

    @Test
    void detailTextWithContentKeepsIt() throws IOException {
        ScheduledEvent event = mapper.readValue("{\"detail\":\"{\\\"tier\\\":2}\"}", ScheduledEvent.class);
        assertThat(event.getDetail()).isEqualTo(Map.of("tier", 2));
    }

    @Test
    void eventBridgeRuleDetailObjectIsReadAsBefore() throws IOException {
        ScheduledEvent event = mapper.readValue("{\"source\":\"aws.events\",\"detail\":{\"tier\":2}}",
                ScheduledEvent.class);
        assertThat(event.getDetail()).isEqualTo(Map.of("tier", 2));
    }

    private static ObjectMapper lambdaMapper() {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .registerModule(new JodaModule());
        new ScheduledEventJson().customize(mapper);
        return mapper;
    }
}
