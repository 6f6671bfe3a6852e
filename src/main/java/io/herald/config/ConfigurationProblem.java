package io.herald.config;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file Herald cannot work with. Thrown at start-up, so the application refuses to start rather
 * than route events with half a configuration. It carries every problem found in the file, not just the first,
 * so an operator can fix them all in one go.
 */
public class ConfigurationProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final List<Issue> issues;

    /**
     * @param file the file as configured, e.g. {@code /etc/herald/rules.yaml} or {@code classpath:herald/rules.yaml}
     * @param issues at least one issue
     */
    public ConfigurationProblem(String file, List<Issue> issues) {
        super(describe(file, issues));
        this.file = file;
        this.issues = issues.stream().sorted(Comparator.comparing(Issue::position)).toList();
    }

    public static ConfigurationProblem of(String file, String reason) {
        return new ConfigurationProblem(file, List.of(new Issue(Position.FILE, reason)));
    }

    public String file() {
        return file;
    }

    /** The issues in file order. */
    public List<Issue> issues() {
        return issues;
    }

    /** One thing wrong at one place in the file. */
    public record Issue(Position position, String reason) {
    }

    private static String describe(String file, List<Issue> issues) {
        String lines = issues.stream()
                .sorted(Comparator.comparing(Issue::position))
                .map(i -> "\n  " + file + (i.position().line() == 0 ? "" : " " + i.position()) + ": " + i.reason())
                .collect(Collectors.joining());
        return "Invalid configuration file " + file + " (" + issues.size()
                + (issues.size() == 1 ? " problem):" : " problems):") + lines;
    }
}
