package io.herald.notifier.opentext;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.notifier.DeliveryReport;
import io.herald.notifier.opentext.wire.JobStatus;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a delivery-status push: OpenText Notifications posts the same schema as its status endpoint to a
 * webhook. Each delivery's {@code ref} is the notification id Herald sent.
 */
public final class StatusPushes {

    private StatusPushes() {
    }

    /**
     * @return the report of every delivery that names its ref, by ref
     * @throws IOException when the body is not the status schema
     */
    public static Map<String, DeliveryReport> read(ObjectMapper json, byte[] body) throws IOException {
        JobStatus status = json.readValue(body, JobStatus.class);
        Map<String, DeliveryReport> reports = new LinkedHashMap<>();
        if (status.deliveries() != null) {
            status.deliveries().stream().filter(Objects::nonNull).filter(d -> d.ref() != null)
                    .forEach(d -> reports.put(d.ref(), DeliveryReports.forRecipient(status, d.ref())));
        }
        return reports;
    }
}
