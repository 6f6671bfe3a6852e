package io.herald.notifier.opentext;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.notifier.DeliveryReport;
import io.herald.notifier.opentext.wire.JobStatus;
import java.io.IOException;
import java.util.Map;

/**
 * Reads a delivery-status push: OpenText Notifications posts the same schema as its status endpoint to a
 * webhook. Each delivery's {@code ref} is the one Herald sent: a notification's id, or
 * {@code <page id>/<user id>} for a member of an announcement page.
 */
public final class StatusPushes {

    private StatusPushes() {
    }

    /**
     * @return the report of every delivery that names its ref, by ref
     * @throws IOException when the body is not the status schema
     */
    public static Map<String, DeliveryReport> read(ObjectMapper json, byte[] body) throws IOException {
        return DeliveryReports.forEachRecipient(json.readValue(body, JobStatus.class));
    }
}
