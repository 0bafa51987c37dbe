package org.minhu.cases;

import org.minhu.common.Problem;
import org.minhu.common.ProblemException;

/** A step the case's state does not allow, such as rating a case that is not resolved yet (409). */
public class CaseStateException extends ProblemException {

    private final String number;
    private final CaseState state;

    public CaseStateException(String number, CaseState state, String detail) {
        super(Problem.of(409, "case-state", "Not allowed in this state", detail));
        this.number = number;
        this.state = state;
    }

    public String number() {
        return number;
    }

    public CaseState state() {
        return state;
    }
}
