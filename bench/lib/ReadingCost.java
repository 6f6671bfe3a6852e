import io.herald.http.HttpRequest;
import io.herald.intake.CloudEventReader;
import io.herald.intake.IntakeConfig;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What reading one event costs Herald's intake, alone: the bench's structured event (as herald-events.lua sends
 * it) read by {@code CloudEventReader} (strict JSON, attribute rules, the CloudEvents SDK, the data's checks) on one
 * thread, after a warm-up. Prints bytes allocated and microseconds per read; the allocation is counted by the JVM
 * for the thread, so it does not depend on the machine's load, the time does.
 *
 * <p>{@code java -cp herald-<version>-runner.jar bench/lib/ReadingCost.java [READS]}
 */
public class ReadingCost {

    private static final String EVENT = "{\"specversion\":\"1.0\",\"id\":\"bench-%d\",\"source\":\"/xconnector/erp/"
            + "s4-logistics\",\"type\":\"erp.shipment.delayed\",\"subject\":\"shipment/%d\",\"time\":"
            + "\"2026-12-06T10:00:00Z\",\"datacontenttype\":\"application/json\",\"data\":{\"entity\":\"Shipment\","
            + "\"entityId\":\"%d\",\"status\":\"Delayed\",\"previousStatus\":\"In transit\",\"owner\":\"carol\","
            + "\"severity\":\"low\",\"carrier\":\"Nordic Freight Lines\",\"hub\":\"Hamburg\",\"message\":\"Carrier "
            + "reports a two-day delay at the Hamburg hub; the consignment waits for customs clearance.\",\"url\":"
            + "\"https://erp.example.com/shipments/%d\"}}";

    record Config(Duration replayWindow, int maxEventBytes, int maxBatchEvents, Map<String, Sender> senders)
            implements IntakeConfig {
    }

    public static void main(String[] args) {
        int reads = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        CloudEventReader reader = new CloudEventReader(new Config(Duration.ofMinutes(5), 262_144, 100, Map.of()),
                new com.fasterxml.jackson.databind.ObjectMapper());
        HttpRequest[] requests = new HttpRequest[1024];
        for (int i = 0; i < requests.length; i++) {
            byte[] body = String.format(EVENT, i, i, i, i).getBytes(StandardCharsets.UTF_8);
            requests[i] = new HttpRequest("POST", "/events",
                    Map.of("content-type", List.of("application/cloudevents+json")), Map.of(), body);
        }
        long checksum = read(reader, requests, reads);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        checksum += read(reader, requests, reads);
        long nanos = System.nanoTime() - start;
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        System.out.printf("RESULT reads=%d bytes_per_read=%d us_per_read=%.2f event_bytes=%d checksum=%d%n", reads,
                allocated / reads, nanos / 1000.0 / reads, requests[0].body().length, checksum);
    }

    private static long read(CloudEventReader reader, HttpRequest[] requests, int reads) {
        long checksum = 0;
        for (int i = 0; i < reads; i++) {
            checksum += reader.read(requests[i % requests.length]).get(0).getId().length();
        }
        return checksum;
    }
}
