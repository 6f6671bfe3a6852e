package io.herald.http;

/** Thrown anywhere in a function to answer with a problem; the request must not have changed anything yet. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public ProblemException(int status, String title, String detail) {
        this(Problem.of(status, title, detail));
    }

    public Problem problem() {
        return problem;
    }
}
