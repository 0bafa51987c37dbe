package org.minhu.cases;

import java.util.EnumSet;
import java.util.Set;

import static org.minhu.cases.CaseState.ACCEPTED;
import static org.minhu.cases.CaseState.ARCHIVED;
import static org.minhu.cases.CaseState.DECLINED;
import static org.minhu.cases.CaseState.DISPATCHED;
import static org.minhu.cases.CaseState.IN_PROGRESS;
import static org.minhu.cases.CaseState.RATED;
import static org.minhu.cases.CaseState.RECEIVED;
import static org.minhu.cases.CaseState.RESOLVED;

/**
 * The state machine, as data: every change a case may go through, the states it may start from
 * and the state it leads to. Anything else is refused (409).
 *
 * <pre>
 * RECEIVED ─dispatch→ DISPATCHED ─accept→ ACCEPTED ─start→ IN_PROGRESS ─resolve→ RESOLVED ─rate→ RATED ─archive→ ARCHIVED
 *    ↑ return (退单) ──────┘ / ACCEPTED             ACCEPTED ─resolve→ RESOLVED ─archive (unrated)→ ARCHIVED
 * DISPATCHED/ACCEPTED/IN_PROGRESS ─transfer (转办)→ DISPATCHED     RESOLVED ─rate 不满意 / reopen→ IN_PROGRESS (flagged)
 * RECEIVED/DISPATCHED/ACCEPTED ─decline (不予受理)→ DECLINED          RECEIVED ─answer (咨询, answered at once)→ ARCHIVED
 * </pre>
 *
 * <p>Every change of a case's state goes through {@link ServiceCase#apply}, ratings included.
 */
public enum CaseTransition {
    DISPATCH(EnumSet.of(RECEIVED), DISPATCHED, CaseEvent.Kind.DISPATCHED),
    ACCEPT(EnumSet.of(DISPATCHED), ACCEPTED, CaseEvent.Kind.ACCEPTED),
    START(EnumSet.of(ACCEPTED), IN_PROGRESS, CaseEvent.Kind.STARTED),
    RESOLVE(EnumSet.of(ACCEPTED, IN_PROGRESS), RESOLVED, CaseEvent.Kind.RESOLVED),
    RETURN(EnumSet.of(DISPATCHED, ACCEPTED), RECEIVED, CaseEvent.Kind.RETURNED),
    TRANSFER(EnumSet.of(DISPATCHED, ACCEPTED, IN_PROGRESS), DISPATCHED, CaseEvent.Kind.TRANSFERRED),
    REOPEN(EnumSet.of(RESOLVED, RATED), IN_PROGRESS, CaseEvent.Kind.REOPENED),
    ARCHIVE(EnumSet.of(RESOLVED, RATED), ARCHIVED, CaseEvent.Kind.ARCHIVED),
    DECLINE(EnumSet.of(RECEIVED, DISPATCHED, ACCEPTED), DECLINED, CaseEvent.Kind.DECLINED),
    ANSWER(EnumSet.of(RECEIVED), ARCHIVED, CaseEvent.Kind.ANSWERED),
    /** 满意 or 基本满意, from the resident or a call-back: the cycle closes. */
    RATE(EnumSet.of(RESOLVED), RATED, CaseEvent.Kind.RATED),
    /** 不满意: the rating reopens the case (a 差评件, with a fresh deadline). */
    RATE_POORLY(EnumSet.of(RESOLVED), IN_PROGRESS, CaseEvent.Kind.RATED);

    private final Set<CaseState> from;
    private final CaseState to;
    private final CaseEvent.Kind kind;

    CaseTransition(Set<CaseState> from, CaseState to, CaseEvent.Kind kind) {
        this.from = from;
        this.to = to;
        this.kind = kind;
    }

    public boolean allowedFrom(CaseState state) {
        return from.contains(state);
    }

    public Set<CaseState> from() {
        return from;
    }

    public CaseState to() {
        return to;
    }

    public CaseEvent.Kind kind() {
        return kind;
    }
}
