package io.herald.config;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one configuration file, so they can be reported together. */
public final class ProblemCollector {

    private final String file;
    private final List<ConfigurationProblem.Issue> issues = new ArrayList<>();

    public ProblemCollector(String file) {
        this.file = file;
    }

    public void add(Position position, String reason) {
        issues.add(new ConfigurationProblem.Issue(position, reason));
    }

    /** How many problems were added so far; lets a reader tell whether one part of the file was clean. */
    public int count() {
        return issues.size();
    }

    /** @throws ConfigurationProblem naming every problem added so far, if there is any */
    public void throwIfAny() {
        if (!issues.isEmpty()) {
            throw new ConfigurationProblem(file, issues);
        }
    }
}
