package io.herald.lambda;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.slasweep.SweepReport;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sla-sweep Lambda handler, fed schedule events through the Lambda mock event server. */
@QuarkusTest
@TestProfile(SlaSweepLambdaTest.SlaSweepHandler.class)
class SlaSweepLambdaTest {

    public static class SlaSweepHandler implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "sla-sweep");
        }
    }

    @Test
    void eventBridgeSchedulerTickRunsTheSweepAndAnswersItsReport() {
        // Scheduler's default notification (the schedule gives no input): its detail is the string "{}"
        assertIsSweepReport(invoke("src/test/resources/aws/scheduler-sla-sweep.json"));
    }

    @Test
    void scheduledEventOfAnEventBridgeRuleRunsTheSweepToo() {
        assertIsSweepReport(invoke("src/test/resources/aws/events-scheduled-event.json"));
    }

    private static Map<String, Object> invoke(String fixture) {
        return given().contentType("application/json").body(Path.of(fixture).toFile())
                .post().then().statusCode(200).extract().jsonPath().getMap("");
    }

    /** Every count of a SweepReport, none negative; what the sweep found depends on what other tests left. */
    private static void assertIsSweepReport(Map<String, Object> answer) {
        assertThat(answer.keySet()).containsExactlyInAnyOrderElementsOf(Arrays.stream(
                SweepReport.class.getRecordComponents()).map(RecordComponent::getName).toList());
        answer.forEach((count, value) -> assertThat(value).as(count).isInstanceOf(Integer.class)
                .satisfies(n -> assertThat((Integer) n).isNotNegative()));
    }
}
