package io.herald.wiring;

import java.util.List;
import java.util.stream.Collectors;

/** Production settings Herald refuses to start with, every one of them, so an operator can fix all in one go. */
public class ProductionSettingsProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProductionSettingsProblem(List<String> problems) {
        super("Herald refuses to start in production with these settings (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):"
                + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining())
                + "\nLocal mode (bin/herald, or -Dquarkus.profile=local) needs none of them; see the README, "
                + "\"Running Herald on a server\".", null, false, false);
    }
}
