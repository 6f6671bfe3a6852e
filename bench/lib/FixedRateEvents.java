import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * End-to-end latency at a fixed rate: posts signed CloudEvents to Herald's {@code POST /events} on a fixed
 * schedule (open loop: a slow answer does not delay the next request), notes when each 202 arrived, then reads
 * the OpenText simulator's record of what it received and when ({@code GET /sim/opentext/_messages}; its
 * {@code customerReference} is the event id) and prints the time from each 202 to the simulator's receipt.
 *
 * <p>Run with Herald's libraries on the class path (for Jackson):
 * {@code java -cp 'target/lib/*' bench/lib/FixedRateEvents.java URL RATE SECONDS RUN SECRET}. Prints one line
 * {@code RESULT key=value ...}.
 */
public class FixedRateEvents {

    private static final String TEMPLATE = "{\"specversion\":\"1.0\",\"id\":\"%s\",\"source\":\"/xconnector/erp/s4-logistics\","
            + "\"type\":\"erp.shipment.delayed\",\"subject\":\"shipment/%s\",\"time\":\"%s\",\"datacontenttype\":\"application/json\","
            + "\"data\":{\"entity\":\"Shipment\",\"entityId\":\"%s\",\"status\":\"Delayed\",\"previousStatus\":\"In transit\","
            + "\"owner\":\"carol\",\"severity\":\"low\",\"carrier\":\"Nordic Freight Lines\",\"hub\":\"Hamburg\","
            + "\"message\":\"Carrier reports a two-day delay at the Hamburg hub; the consignment waits for customs clearance.\","
            + "\"url\":\"https://erp.example.com/shipments/%s\"}}";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        double rate = Double.parseDouble(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String run = args[3];
        byte[] secret = args[4].getBytes(StandardCharsets.UTF_8);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Instant> acceptedAt = new ConcurrentHashMap<>();
        List<Long> intakeMicros = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong maxStartDelayMicros = new AtomicLong();
        List<CompletableFuture<?>> inFlight = java.util.Collections.synchronizedList(new ArrayList<>());

        int total = (int) Math.round(rate * seconds);
        long periodNanos = Math.round(1e9 / rate);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger sequence = new AtomicInteger();
        long startNanos = System.nanoTime();
        scheduler.scheduleAtFixedRate(() -> {
            int n = sequence.incrementAndGet();
            if (n > total) {
                return;
            }
            long due = startNanos + (n - 1) * periodNanos;
            maxStartDelayMicros.accumulateAndGet((System.nanoTime() - due) / 1000, Math::max);
            String id = "bench-" + run + "-" + n;
            HttpRequest request = signed(base, secret, id);
            long sent = System.nanoTime();
            inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                } else if (response.statusCode() == 202) {
                    acceptedAt.put(id, Instant.now());
                    intakeMicros.add((System.nanoTime() - sent) / 1000);
                } else {
                    if (refused.incrementAndGet() == 1) {
                        System.err.println("first refusal: " + response.statusCode() + " " + response.body());
                    }
                }
            }));
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (sequence.get() < total) {
            Thread.sleep(50);
        }
        scheduler.shutdownNow();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).handle((ok, error) -> null).join();
        double sendSeconds = (System.nanoTime() - startNanos) / 1e9;
        Instant loadEnded = Instant.now();

        Map<String, Instant> receivedAt = awaitReceipts(client, base, acceptedAt.keySet(), Duration.ofSeconds(180));
        // What dispatch kept up with while the load ran: receipts up to the last answer, whatever their event.
        long deliveredInWindow = receivedAt.values().stream().filter(at -> !at.isAfter(loadEnded)).count();
        List<Long> endToEndMicros = new ArrayList<>();
        for (Map.Entry<String, Instant> accepted : acceptedAt.entrySet()) {
            Instant received = receivedAt.get(accepted.getKey());
            if (received != null) {
                endToEndMicros.add(Duration.between(accepted.getValue(), received).toNanos() / 1000);
            }
        }
        System.out.printf(java.util.Locale.ROOT,
                "RESULT target_rate=%.1f sent=%d accepted=%d refused=%d failed=%d send_s=%.2f max_send_delay_ms=%.1f"
                        + " intake_p50_ms=%.2f intake_p99_ms=%.2f delivered=%d e2e_p50_ms=%.2f e2e_p99_ms=%.2f"
                        + " e2e_max_ms=%.2f delivered_in_window=%d%n",
                rate, Math.min(sequence.get(), total), acceptedAt.size(), refused.get(), failed.get(), sendSeconds,
                maxStartDelayMicros.get() / 1000.0, percentile(intakeMicros, 50), percentile(intakeMicros, 99),
                endToEndMicros.size(), percentile(endToEndMicros, 50), percentile(endToEndMicros, 99),
                percentile(endToEndMicros, 100), deliveredInWindow);
    }

    private static HttpRequest signed(String base, byte[] secret, String id) {
        Instant now = Instant.now();
        String key = id.substring("bench-".length());
        String body = String.format(TEMPLATE, id, key, now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), key, key);
        String timestamp = Long.toString(now.getEpochSecond());
        return HttpRequest.newBuilder(URI.create(base + "/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/cloudevents+json")
                .header("X-Herald-Sender", "xconnector")
                .header("X-Herald-Timestamp", timestamp)
                .header("X-Herald-Signature", "sha256=" + hmac(secret, timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String hmac(byte[] secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls the simulator until every accepted event has a receipt, or {@code patience} has passed. */
    private static Map<String, Instant> awaitReceipts(HttpClient client, String base, java.util.Set<String> ids,
            Duration patience) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        long deadline = System.nanoTime() + patience.toNanos();
        Map<String, Instant> receivedAt = new HashMap<>();
        while (true) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/sim/opentext/_messages")).build(),
                    HttpResponse.BodyHandlers.ofString());
            receivedAt.clear();
            for (JsonNode submission : mapper.readTree(response.body())) {
                String reference = submission.path("customerReference").asText(null);
                if (reference != null && ids.contains(reference)) {
                    receivedAt.putIfAbsent(reference, Instant.parse(submission.path("receivedAt").asText()));
                }
            }
            if (receivedAt.size() >= ids.size() || System.nanoTime() > deadline) {
                return receivedAt;
            }
            Thread.sleep(1000);
        }
    }

    private static double percentile(List<Long> micros, double percentile) {
        List<Long> sorted;
        synchronized (micros) {
            sorted = new ArrayList<>(micros);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        sorted.sort(null);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1000.0;
    }
}
