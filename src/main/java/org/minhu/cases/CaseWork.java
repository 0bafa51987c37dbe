package org.minhu.cases;

import java.util.EnumSet;
import java.util.Set;

import static org.minhu.cases.CaseState.ACCEPTED;
import static org.minhu.cases.CaseState.DISPATCHED;
import static org.minhu.cases.CaseState.IN_PROGRESS;
import static org.minhu.cases.CaseState.RATED;
import static org.minhu.cases.CaseState.RECEIVED;
import static org.minhu.cases.CaseState.RESOLVED;

/**
 * Who may do the casework steps of issue 16, and in which states: one row per action, role names
 * as on the identity ({@code operator}, {@code handler}, {@code grid}, {@code supervisor},
 * {@code admin}). The API and the console ask {@link #allows}; the lifecycle refuses a state
 * that is not listed (409). Rows of the kind a role × state permission table keeps.
 */
public enum CaseWork {
    /** 诉求类型 / 办理类别: set at filing as guessed, corrected while the case is open. */
    CLASSIFY(Set.of("operator", "handler", "supervisor", "admin"), EnumSet.of(RECEIVED, DISPATCHED, ACCEPTED, IN_PROGRESS)),
    /** 不予受理, with a reason from the dispatch rules' list; the resident is told where to go instead. */
    DECLINE(Set.of("operator", "supervisor", "admin"), EnumSet.of(RECEIVED, DISPATCHED, ACCEPTED)),
    /** 回访: an operator calls a resident who did not rate and records what they said. */
    CALL_BACK(Set.of("operator", "supervisor", "admin"), EnumSet.of(RESOLVED)),
    /** 复查: someone other than who fixed it checks on site, with a photo, before archiving. */
    REVIEW(Set.of("grid", "handler", "supervisor", "admin"), EnumSet.of(RESOLVED, RATED));

    private final Set<String> roles;
    private final Set<CaseState> states;

    CaseWork(Set<String> roles, Set<CaseState> states) {
        this.roles = roles;
        this.states = states;
    }

    public Set<String> roles() {
        return roles;
    }

    public Set<CaseState> states() {
        return states;
    }

    public boolean allowedFrom(CaseState state) {
        return states.contains(state);
    }

    /** Whether someone with this role may take this step on a case in this state. */
    public boolean allows(String role, CaseState state) {
        return roles.contains(role) && allowedFrom(state);
    }
}
