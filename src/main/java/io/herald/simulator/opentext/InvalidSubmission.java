package io.herald.simulator.opentext;

import java.util.List;

/** A request body that does not have the documented shape; {@link #problems()} names each missing or bad field. */
class InvalidSubmission extends Exception {

    private final List<String> problems;

    InvalidSubmission(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
