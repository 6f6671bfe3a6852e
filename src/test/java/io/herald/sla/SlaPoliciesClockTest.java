package io.herald.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.herald.directory.yaml.YamlDirectory;
import io.herald.domain.EntityRef;
import io.herald.events.RoutableEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Source events pause, resume and stop the clocks of the policies that list their type. */
class SlaPoliciesClockTest {

    private static final SlaPolicies POLICIES = SlaPolicies.load("classpath:sla/clock-policies.yaml",
            YamlDirectory.load("classpath:routing/directory.yaml"));
    private static final String CASE = "{\"system\": \"crm\", \"entityType\": \"case\", \"entityId\": \"CASE-7\"}";
    private static final EntityRef CASE_7 = new EntityRef("crm", "case", "CASE-7");

    private static CloudEvent event(String type, String subject, String data) {
        return CloudEventBuilder.v1().withId("evt-1").withSource(URI.create("/test")).withType(type)
                .withSubject(subject).withDataContentType("application/json")
                .withData(data.getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void pauseEventAsksToPauseThePolicysClockOnItsEntity() {
        assertThat(POLICIES.clockCommands(new RoutableEvent(event("crm.case.waiting-on-customer", null, CASE))))
                .containsExactly(new ClockCommand("case-response", ClockAction.PAUSE, CASE_7));
    }

    @Test
    void resumeEventAsksToResume() {
        assertThat(POLICIES.clockCommands(event("crm.case.customer.replied", null, CASE)))
                .containsExactly(new ClockCommand("case-response", ClockAction.RESUME, CASE_7));
    }

    @Test
    void eventListedByTwoPoliciesAsksBothInFileOrder() {
        assertThat(POLICIES.clockCommands(event("crm.case.resolved", "CASE-8", CASE))).containsExactly(
                new ClockCommand("case-response", ClockAction.STOP, CASE_7),
                new ClockCommand("case-resolution", ClockAction.STOP, new EntityRef("crm", "case", "CASE-8")));
    }

    @Test
    void policyWhoseEntityTheEventDoesNotNameIsSkipped() {
        assertThat(POLICIES.clockCommands(event("crm.case.resolved", null, CASE)))
                .containsExactly(new ClockCommand("case-response", ClockAction.STOP, CASE_7));
        assertThat(POLICIES.clockCommands(event("crm.case.resolved", null, "{\"entityId\": \"CASE-7\"}"))).isEmpty();
    }

    @Test
    void eventNoPolicyListensToAsksNothing() {
        assertThat(POLICIES.clockCommands(event("crm.case.assigned", "CASE-7", CASE))).isEmpty();
        assertThat(SlaPolicies.none().clockCommands(event("crm.case.resolved", "CASE-7", CASE))).isEmpty();
    }
}
