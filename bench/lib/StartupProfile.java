import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a start goes, as text: Quarkus's own timing of each start step (a log of a start with
 * {@code -Dquarkus.debug.print-startup-times=true}), the main thread's CPU samples by start step with the methods
 * most of each large step's samples are under (a JFR recording of another start), and the memory at the first
 * answer of Herald and of the bare application side by side (each a file holding {@code /proc/PID/status}, {@code jcmd
 * PID VM.native_memory summary} and {@code jcmd PID GC.heap_info}).
 *
 * <p>{@code java bench/lib/StartupProfile.java STEPS.log RECORDING.jfr HERALD-MEMORY.txt BARE-MEMORY.txt}
 */
public class StartupProfile {

    private static final Pattern STEP_TIME = Pattern.compile("Build step (\\S+) completed in: (\\d+)ms");
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");
    /** A recorded step's class and method: {@code io.quarkus.runner.recorded.FlywayProcessor$startActions123}. */
    private static final Pattern RECORDED = Pattern.compile("io\\.quarkus\\.runner\\.recorded\\.(\\w+)\\$(\\w+?)-?\\d+");
    private static final int STEPS_SHOWN = 15;
    private static final int STEPS_OPENED = 6;
    private static final int METHODS_PER_STEP = 6;
    /** Frames that only pass a call on (class loading, CDI, method handles): they name no work of their own. */
    private static final List<String> GLUE = List.of("java.lang.invoke.", "jdk.internal.loader.",
            "java.lang.ClassLoader.", "java.util.concurrent.ConcurrentHashMap.", "java.lang.ClassValue",
            "io.quarkus.arc.impl.", "io.quarkus.arc.generator.", "io.quarkus.runner.", "io.quarkus.runtime.Quarkus.",
            "io.quarkus.runtime.Application", "io.smallrye.config.SmallRyeConfig$1.", "$$Lambda", "_ClientProxy.",
            "_Bean.", "_Observer_");

    public static void main(String[] args) throws Exception {
        steps(Files.readString(Path.of(args[0])));
        samples(Path.of(args[1]));
        memory(Files.readString(Path.of(args[2])), Files.readString(Path.of(args[3])));
    }

    private static void steps(String log) {
        Map<String, Long> steps = new LinkedHashMap<>();
        Matcher step = STEP_TIME.matcher(log);
        while (step.find()) {
            steps.merge(step.group(1), Long.parseLong(step.group(2)), Long::sum);
        }
        Matcher started = STARTED.matcher(log);
        long total = steps.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("Start steps (Quarkus's own timing of each, one start with"
                + " -Dquarkus.debug.print-startup-times=true)%n");
        System.out.printf("  \"started in\" %s s; the %d steps add up to %,d ms%n",
                started.find() ? started.group(1) : "?", steps.size(), total);
        List<Map.Entry<String, Long>> slowest = new ArrayList<>(steps.entrySet());
        slowest.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        long shown = 0;
        for (Map.Entry<String, Long> entry : slowest.subList(0, Math.min(STEPS_SHOWN, slowest.size()))) {
            System.out.printf("  %6d ms  %s%n", entry.getValue(), entry.getKey());
            shown += entry.getValue();
        }
        System.out.printf("  %6d ms  the other %d steps%n%n", total - shown, Math.max(0, slowest.size() - STEPS_SHOWN));
    }

    private static void samples(Path recording) throws Exception {
        Map<String, Long> byStep = new HashMap<>();
        Map<String, Map<String, Long>> under = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || !"main".equals(event.getThread("sampledThread").getJavaName())) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            int at = stepFrame(frames);
            String step = at >= 0 ? stepName(frames.get(at).getMethod()) : outsideSteps(frames);
            byStep.merge(step, 1L, Long::sum);
            Map<String, Long> methods = under.computeIfAbsent(step, s -> new HashMap<>());
            Set<String> seen = new HashSet<>();
            for (int i = (at >= 0 ? at : frames.size()) - 1; i >= 0; i--) {
                String method = name(frames.get(i).getMethod());
                if (seen.add(method)) {
                    methods.merge(method, 1L, Long::sum);
                }
            }
        }
        System.out.printf("The main thread's CPU samples during the start, by start step (JFR, one sample a"
                + " millisecond: %,d samples)%n", samples);
        System.out.println("  (JFR samples running Java code only, not the JVM's own loading and linking of classes:"
                + " read them as shares of the start's Java work, not as times)");
        List<Map.Entry<String, Long>> largest = new ArrayList<>(byStep.entrySet());
        largest.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (Map.Entry<String, Long> entry : largest.subList(0, Math.min(STEPS_SHOWN, largest.size()))) {
            System.out.printf("  %5.1f%%  %5d  %s%n", 100.0 * entry.getValue() / samples, entry.getValue(),
                    entry.getKey());
        }
        System.out.println();
        System.out.println("Within the largest, the methods between a tenth and nine tenths of the step's samples"
                + " are under (where its time divides)");
        for (Map.Entry<String, Long> entry : largest.subList(0, Math.min(STEPS_OPENED, largest.size()))) {
            long stepSamples = entry.getValue();
            System.out.printf("  %s (%d samples)%n", entry.getKey(), stepSamples);
            Set<Long> counts = new HashSet<>();
            under.get(entry.getKey()).entrySet().stream()
                    .filter(m -> m.getValue() * 10 >= stepSamples && m.getValue() * 10 < stepSamples * 9)
                    .filter(m -> GLUE.stream().noneMatch(m.getKey()::contains))
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    // a call chain has one count all along: its outermost method stands for it
                    .filter(m -> counts.add(m.getValue()))
                    .limit(METHODS_PER_STEP)
                    .forEach(m -> System.out.printf("    %5d  %s%n", m.getValue(), m.getKey()));
        }
        System.out.println();
    }

    /** The outermost frame of a recorded start step, or -1. */
    private static int stepFrame(List<RecordedFrame> frames) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (RECORDED.matcher(frames.get(i).getMethod().getType().getName()).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static String stepName(RecordedMethod method) {
        Matcher recorded = RECORDED.matcher(method.getType().getName());
        return recorded.matches() ? recorded.group(1) + "." + recorded.group(2) : name(method);
    }

    private static String outsideSteps(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("io.smallrye.config.") || type.startsWith("io.quarkus.runtime.generated.Config")) {
                return "(configuration, static and run time)";
            }
        }
        return "(outside the steps: Quarkus's main, the JVM's own Java code)";
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    private static void memory(String herald, String bare) {
        System.out.println("Memory at the first answer, MB (Native Memory Tracking's committed memory; the heap in"
                + " use from GC.heap_info)");
        System.out.println("| | Herald | bare application |");
        System.out.println("|---|---|---|");
        row("RSS", kb(herald, "VmRSS:\\s+(\\d+) kB"), kb(bare, "VmRSS:\\s+(\\d+) kB"));
        row("Java heap in use", kb(herald, " used (\\d+)K"), kb(bare, " used (\\d+)K"));
        for (String area : List.of("Java Heap", "Shared class space", "Class", "Metaspace", "Code", "GC", "Thread",
                "Symbol", "Compiler", "Internal", "Other")) {
            String committed = "-\\s+" + Pattern.quote(area) + " \\(reserved=\\d+KB, committed=(\\d+)KB";
            row(area + (area.equals("Java Heap") ? " (committed)" : ""), kb(herald, committed), kb(bare, committed));
        }
    }

    private static long kb(String text, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    private static void row(String what, long heraldKb, long bareKb) {
        System.out.printf("| %s | %s | %s |%n", what, mb(heraldKb), mb(bareKb));
    }

    private static String mb(long kb) {
        return kb < 0 ? "-" : String.format("%.1f", kb / 1024.0);
    }
}
