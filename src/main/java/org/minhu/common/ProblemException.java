package org.minhu.common;

/** A refusal that reaches the caller as {@code application/problem+json}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(Problem.of(400, "invalid-field", "Invalid request", detail).withField(field));
    }

    public static ProblemException unauthorized(String slug, String detail) {
        return new ProblemException(Problem.of(401, slug, "Push refused", detail));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Not allowed in this state", detail));
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(Problem.of(413, "too-large", "Request body too large", detail));
    }
}
