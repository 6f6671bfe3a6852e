import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples ({@code jdk.ExecutionSample}) of a JFR recording as text: where the samples are
 * (self time per method), which of Herald's and H2's methods they run under (inclusive time), and a breakdown by
 * activity (store commit, SQL parsing, HTTP, JSON, templates, ...), each as a share of all samples. Then the
 * allocation samples ({@code jdk.ObjectAllocationSample}, each weighing the bytes its thread allocated since the
 * one before) by the same activities, and per request when the number of requests is given.
 *
 * <p>{@code java bench/lib/ProfileSummary.java RECORDING.jfr [TOP [REQUESTS]]}
 */
public class ProfileSummary {

    /** Activities, first match wins, tested against every frame of a sample from the top of the stack down. */
    private static final String[][] ACTIVITIES = {
            {"H2 page serialisation / file writes (MVStore commit)", "org.h2.mvstore."},
            {"H2 SQL parsing", "org.h2.command.Parser", "org.h2.command.dml.", "org.h2.command.query.Select.init"},
            {"H2 other (query execution, rows, indexes)", "org.h2."},
            {"PostgreSQL JDBC driver", "org.postgresql."},
            {"connection pool (Agroal)", "io.agroal."},
            {"Qute templates (rendering)", "io.quarkus.qute."},
            {"Jackson (JSON)", "com.fasterxml.jackson."},
            {"CESQL (rule conditions)", "io.cloudevents.sql."},
            {"HTTP client (REST client, Vert.x client)", "org.jboss.resteasy.reactive.client.", "io.vertx.core.http.impl.HttpClient",
                    "io.quarkus.rest.client."},
            {"HTTP server / Netty / Vert.x", "io.netty.", "io.vertx."},
            {"crypto (HMAC, SHA)", "javax.crypto.", "sun.security.", "com.sun.crypto."},
            {"logging", "org.jboss.logmanager.", "org.jboss.logging."},
            // Below the libraries it calls and above the HTTP server that calls it: without these, its own work
            // (and the JDK's under it) would count as the HTTP server's.
            {"the simulators (local mode only)", "io.herald.simulator."},
            {"Herald's own code (and the JDK's under it)", "io.herald."},
    };

    public static void main(String[] args) throws Exception {
        Path recording = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        long requests = args.length > 2 ? Long.parseLong(args[2]) : 0;
        Map<String, Long> allocated = new HashMap<>();
        Map<String, Long> allocationSites = new HashMap<>();
        long allocatedBytes = 0;
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> heraldInclusive = new HashMap<>();
        Map<String, Long> h2Inclusive = new HashMap<>();
        Map<String, Long> activities = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().equals("jdk.ObjectAllocationSample") && event.getStackTrace() != null) {
                long weight = event.getLong("weight");
                allocatedBytes += weight;
                allocated.merge(activity(event.getStackTrace().getFrames()), weight, Long::sum);
                allocationSites.merge(site(event.getStackTrace().getFrames()), weight, Long::sum);
                continue;
            }
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0).getMethod()), 1L, Long::sum);
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String method = name(frame.getMethod());
                if (!isGlue(method) && seen.add(method)) {
                    if (method.startsWith("io.herald.")) {
                        heraldInclusive.merge(method, 1L, Long::sum);
                    } else if (method.startsWith("org.h2.command.") || method.startsWith("org.h2.mvstore.MVStore.")
                            || method.startsWith("org.h2.engine.")) {
                        h2Inclusive.merge(method, 1L, Long::sum);
                    }
                }
            }
            activities.merge(activity(frames), 1L, Long::sum);
            String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("[-#]?\\d+$", "-N"), 1L, Long::sum);
        }
        System.out.printf("%s: %d CPU samples (jdk.ExecutionSample)%n%n", recording.getFileName(), samples);
        LongFunction<String> count = n -> String.format("%6d", n);
        print("By activity (first matching frame from the top of the stack)", activities, samples, top, count);
        print("By thread (numbers folded)", threads, samples, 12, count);
        print("Hot methods, self time", self, samples, top, count);
        print("Herald methods, inclusive time", heraldInclusive, samples, top, count);
        print("H2 command, engine and commit methods, inclusive time", h2Inclusive, samples, top, count);
        System.out.printf("Allocation (jdk.ObjectAllocationSample weights): %.0f MB%s%n%n", allocatedBytes / 1048576.0,
                requests > 0 ? String.format(", %.0f KB per request (%d requests)", allocatedBytes / 1024.0 / requests,
                        requests) : "");
        LongFunction<String> perRequest = bytes -> String.format("%8s",
                requests > 0 ? String.format("%.1f KB", bytes / 1024.0 / requests) : "");
        print("Allocation by activity", allocated, allocatedBytes, top, perRequest);
        print("Allocation by site (the first frame outside the JDK)", allocationSites, allocatedBytes, top, perRequest);
    }

    /** Where a library or Herald asked for the memory: the JDK's own frames (collections, strings) say little. */
    private static String site(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String method = name(frame.getMethod());
            if (!method.startsWith("java.") && !method.startsWith("jdk.") && !method.startsWith("sun.")) {
                return method;
            }
        }
        return frames.isEmpty() ? "?" : name(frames.get(0).getMethod());
    }

    private static String activity(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String method = name(frame.getMethod());
            for (String[] activity : ACTIVITIES) {
                for (int i = 1; i < activity.length; i++) {
                    if (method.startsWith(activity[i])) {
                        return activity[0];
                    }
                }
            }
        }
        return "other (JDK, Quarkus)";
    }

    /** CDI client proxies and lambda shims repeat the method they forward to; they would only fill the lists. */
    private static boolean isGlue(String method) {
        return method.contains("_ClientProxy") || method.contains("$$Lambda") || method.contains(".lambda$");
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    /** Each entry's share of the total, a column of its own, and its name; the largest {@code top} entries. */
    private static void print(String title, Map<String, Long> values, long total, int top, LongFunction<String> column) {
        System.out.println(title);
        List<Map.Entry<String, Long>> entries = new ArrayList<>(values.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (Map.Entry<String, Long> entry : entries.subList(0, Math.min(top, entries.size()))) {
            System.out.printf("  %5.1f%%  %s  %s%n", 100.0 * entry.getValue() / Math.max(1, total),
                    column.apply(entry.getValue()), entry.getKey());
        }
        System.out.println();
    }
}
