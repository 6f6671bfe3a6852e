package io.herald.flow;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Operators see health and Herald's own figures. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void healthIsUpWithTheStoreChecked() {
        io.herald.support.Herald.http().get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
    }

    @Test
    void metricsCountEventsNotificationsAndQueueDepth() {
        Herald.post(Herald.sample("integration-job-failed")).then().statusCode(202);

        io.herald.support.Herald.http().get("/q/metrics").then().statusCode(200)
                .body(containsString("herald_events_received_total{outcome=\"accepted\"}"))
                .body(containsString("herald_events_routed_total{outcome=\"routed\"}"))
                .body(containsString("herald_queue_depth{queue=\"dispatch\"}"));
    }
}
