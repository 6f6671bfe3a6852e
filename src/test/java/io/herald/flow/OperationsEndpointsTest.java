package io.herald.flow;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;

import io.herald.slasweep.SlaSweep;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Operators see health and Herald's own figures. */
@QuarkusTest
class OperationsEndpointsTest {

    private static final Pattern SWEEPS = Pattern.compile("(?m)^herald_sla_sweep_seconds_count (\\S+)$");

    @Inject
    SlaSweep sweep;

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

    @Test
    void metricsTimeEverySweep() {
        double before = sweepsTimed();

        sweep.sweep();
        sweep.sweep();

        assertEquals(before + 2, sweepsTimed());
    }

    private static double sweepsTimed() {
        String metrics = Herald.http().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher count = SWEEPS.matcher(metrics);
        return count.find() ? Double.parseDouble(count.group(1)) : 0;
    }
}
