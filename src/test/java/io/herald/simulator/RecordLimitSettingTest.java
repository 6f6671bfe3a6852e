package io.herald.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import io.herald.notifier.opentext.Fixtures;
import io.herald.notifier.opentext.OpenTextConfig;
import io.herald.simulator.opentext.OpenTextSimulator;
import io.herald.simulator.opentext.OpenTextSimulatorRoutes;
import io.herald.simulator.opentext.SimulatorClient;
import io.herald.simulator.xconnector.WriteBackCall;
import io.herald.simulator.xconnector.XConnectorSimulator;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code herald.simulators.record-limit} bounds what both simulators keep, as seen over their HTTP faces. */
@QuarkusTest
@TestProfile(RecordLimitSettingTest.RecordLimitOfTwo.class)
class RecordLimitSettingTest {

    public static class RecordLimitOfTwo implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(RecentRecord.LIMIT_SETTING, "2");
        }
    }

    private static final String MESSAGING = OpenTextSimulatorRoutes.BASE + "/mra/v1/outbound/sms";

    @Inject
    OpenTextSimulator openText;

    @Inject
    XConnectorSimulator xConnector;

    @Inject
    OpenTextConfig config;

    @BeforeEach
    @AfterEach
    void resetSimulators() {
        openText.reset();
        xConnector.reset();
    }

    private RequestSpecification authorized() {
        return SimulatorClient.authorized(config);
    }

    @Test
    void openTextSimulatorListsTheLastSubmissionsAndForgetsTheJobsOfOlderOnes() {
        String sms = Fixtures.read("sms-submission.json");
        String firstJob = authorized().header("X-MRA-SubmitId", "sub-1").body(sms).post(MESSAGING)
                .then().statusCode(200).extract().path("job_id");
        for (String submitId : List.of("sub-2", "sub-3")) {
            authorized().header("X-MRA-SubmitId", submitId).body(sms).post(MESSAGING).then().statusCode(200);
        }

        Herald.http().get(OpenTextSimulatorRoutes.BASE + "/_messages").then().statusCode(200)
                .body("submitId", contains("sub-2", "sub-3"));
        authorized().queryParam("job_id", firstJob).get(MESSAGING + "/status").then().statusCode(404);
    }

    @Test
    void xConnectorSimulatorKeepsTheLastCalls() {
        for (String key : List.of("wb-1", "wb-2", "wb-3")) {
            Herald.http().contentType("application/json").header("Idempotency-Key", key).body("{}")
                    .post("/sim/xconnector/writebacks").then().statusCode(401);
        }

        assertThat(xConnector.calls()).extracting(WriteBackCall::idempotencyKey).containsExactly("wb-2", "wb-3");
    }
}
