import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
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
 * <p>Requests go out over {@value #CONNECTIONS} kept-alive HTTP/1.1 connections, one thread each, taking the next
 * due request from a queue; intake latency counts from the moment a request was due, so waiting for a free
 * connection is counted, not hidden by a late send. (JDK's HTTP client, which opens a connection for every request
 * in flight, took a core of its own at 300 requests a second and fell seconds behind its schedule on two cores.)
 *
 * <p>Run with Herald's libraries on the class path (for Jackson):
 * {@code java -cp 'target/lib/*' bench/lib/FixedRateEvents.java URL RATE SECONDS RUN SECRET}. Prints one line
 * {@code RESULT key=value ...}.
 */
public class FixedRateEvents {

    /** As many as the closed-loop load that measured the maximum rate. */
    private static final int CONNECTIONS = 64;

    private static final String TEMPLATE = "{\"specversion\":\"1.0\",\"id\":\"%s\",\"source\":\"/xconnector/erp/s4-logistics\","
            + "\"type\":\"erp.shipment.delayed\",\"subject\":\"shipment/%s\",\"time\":\"%s\",\"datacontenttype\":\"application/json\","
            + "\"data\":{\"entity\":\"Shipment\",\"entityId\":\"%s\",\"status\":\"Delayed\",\"previousStatus\":\"In transit\","
            + "\"owner\":\"carol\",\"severity\":\"low\",\"carrier\":\"Nordic Freight Lines\",\"hub\":\"Hamburg\","
            + "\"message\":\"Carrier reports a two-day delay at the Hamburg hub; the consignment waits for customs clearance.\","
            + "\"url\":\"https://erp.example.com/shipments/%s\"}}";

    /** What the senders record, shared by all of them. */
    private static final class Tally {
        final Map<String, Instant> acceptedAt = new ConcurrentHashMap<>();
        final List<Long> intakeMicros = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicLong maxStartDelayMicros = new AtomicLong();
        final AtomicInteger sequence = new AtomicInteger();
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        double rate = Double.parseDouble(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String run = args[3];
        byte[] secret = args[4].getBytes(StandardCharsets.UTF_8);

        URI target = URI.create(base);
        Tally tally = new Tally();
        int total = (int) Math.round(rate * seconds);
        long periodNanos = Math.round(1e9 / rate);
        BlockingQueue<Long> dueTimes = new LinkedBlockingQueue<>();
        CountDownLatch answered = new CountDownLatch(total);
        for (int c = 0; c < CONNECTIONS; c++) {
            Thread sender = new Thread(() -> send(target, secret, run, dueTimes, answered, tally), "sender-" + c);
            sender.setDaemon(true);
            sender.start();
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger scheduled = new AtomicInteger();
        long startNanos = System.nanoTime();
        scheduler.scheduleAtFixedRate(() -> {
            int n = scheduled.incrementAndGet();
            if (n <= total) {
                dueTimes.add(startNanos + (n - 1) * periodNanos);
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        answered.await();
        scheduler.shutdownNow();
        double sendSeconds = (System.nanoTime() - startNanos) / 1e9;
        report(base, rate, sendSeconds, Instant.now(), tally);
    }

    /** One connection's thread: takes each request when it is due and sends it over a connection it keeps alive. */
    private static void send(URI target, byte[] secret, String run, BlockingQueue<Long> dueTimes,
            CountDownLatch answered, Tally tally) {
        InetSocketAddress address = new InetSocketAddress(target.getHost(), target.getPort());
        KeptAliveConnection connection = null;
        while (true) {
            long due;
            try {
                due = dueTimes.take();
            } catch (InterruptedException e) {
                return;
            }
            tally.maxStartDelayMicros.accumulateAndGet((System.nanoTime() - due) / 1000, Math::max);
            String id = "bench-" + run + "-" + tally.sequence.incrementAndGet();
            try {
                if (connection == null) {
                    connection = new KeptAliveConnection(address);
                }
                Answer answer = connection.post(signed(target, secret, id));
                if (connection.closing()) {
                    connection = KeptAliveConnection.closeQuietly(connection);
                }
                if (answer.status() == 202) {
                    tally.acceptedAt.put(id, Instant.now());
                    tally.intakeMicros.add((System.nanoTime() - due) / 1000);
                } else if (tally.refused.incrementAndGet() == 1) {
                    System.err.println("first refusal: " + answer.status() + " " + answer.body());
                }
            } catch (IOException e) {
                if (tally.failed.incrementAndGet() == 1) {
                    System.err.println("first failure: " + e);
                }
                connection = KeptAliveConnection.closeQuietly(connection);
            }
            answered.countDown();
        }
    }

    /** Waits for the simulator's receipts of the accepted events and prints the RESULT line. */
    private static void report(String base, double rate, double sendSeconds, Instant loadEnded, Tally tally)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Instant> receivedAt = awaitReceipts(client, base, tally.acceptedAt.keySet(),
                Duration.ofSeconds(180));
        // What dispatch kept up with while the load ran: receipts up to the last answer, whatever their event.
        long deliveredInWindow = receivedAt.values().stream().filter(at -> !at.isAfter(loadEnded)).count();
        List<Long> endToEndMicros = new ArrayList<>();
        for (Map.Entry<String, Instant> accepted : tally.acceptedAt.entrySet()) {
            Instant received = receivedAt.get(accepted.getKey());
            if (received != null) {
                endToEndMicros.add(Duration.between(accepted.getValue(), received).toNanos() / 1000);
            }
        }
        System.out.printf(java.util.Locale.ROOT,
                "RESULT target_rate=%.1f sent=%d accepted=%d refused=%d failed=%d send_s=%.2f max_send_delay_ms=%.1f"
                        + " intake_p50_ms=%.2f intake_p99_ms=%.2f delivered=%d e2e_p50_ms=%.2f e2e_p99_ms=%.2f"
                        + " e2e_max_ms=%.2f delivered_in_window=%d%n",
                rate, tally.sequence.get(), tally.acceptedAt.size(), tally.refused.get(), tally.failed.get(),
                sendSeconds, tally.maxStartDelayMicros.get() / 1000.0, percentile(tally.intakeMicros, 50),
                percentile(tally.intakeMicros, 99), endToEndMicros.size(), percentile(endToEndMicros, 50),
                percentile(endToEndMicros, 99), percentile(endToEndMicros, 100), deliveredInWindow);
    }

    /** A whole request: its head and its body. */
    private static byte[] signed(URI target, byte[] secret, String id) {
        Instant now = Instant.now();
        String key = id.substring("bench-".length());
        String body = String.format(TEMPLATE, id, key, now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), key, key);
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(now.getEpochSecond());
        String head = "POST /events HTTP/1.1\r\n"
                + "Host: " + target.getHost() + ":" + target.getPort() + "\r\n"
                + "Content-Type: application/cloudevents+json\r\n"
                + "Content-Length: " + content.length + "\r\n"
                + "X-Herald-Sender: xconnector\r\n"
                + "X-Herald-Timestamp: " + timestamp + "\r\n"
                + "X-Herald-Signature: sha256=" + hmac(secret, timestamp + "." + body) + "\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream(head.length() + content.length);
        request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(content);
        return request.toByteArray();
    }

    private record Answer(int status, String body) {
    }

    /** One HTTP/1.1 connection kept alive across requests: writes a request, reads its answer whole. */
    private static final class KeptAliveConnection {

        private final Socket socket = new Socket();
        private final InputStream in;
        private final OutputStream out;
        private boolean closing;

        KeptAliveConnection(InetSocketAddress address) throws IOException {
            socket.connect(address, 5000);
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = new BufferedOutputStream(socket.getOutputStream());
        }

        Answer post(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
                throw new IOException("not an HTTP/1.1 answer: " + status);
            }
            long length = 0;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String name = header.substring(0, Math.max(0, header.indexOf(':'))).trim().toLowerCase(java.util.Locale.ROOT);
                String value = header.substring(header.indexOf(':') + 1).trim().toLowerCase(java.util.Locale.ROOT);
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> close = value.contains("close");
                    default -> { }
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = chunkSize(); size > 0; size = chunkSize()) {
                    body.writeBytes(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else {
                body.writeBytes(in.readNBytes((int) length));
            }
            closing = close;
            return new Answer(Integer.parseInt(status.substring(9, 12)), body.toString(StandardCharsets.UTF_8));
        }

        private int chunkSize() throws IOException {
            String size = line();
            int extension = size.indexOf(';');
            return Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the connection ended");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        /** Whether the server said it closes this connection after its last answer. */
        boolean closing() {
            return closing;
        }

        static KeptAliveConnection closeQuietly(KeptAliveConnection connection) {
            if (connection != null) {
                try {
                    connection.socket.close();
                } catch (IOException ignored) {
                    // already broken
                }
            }
            return null;
        }
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
