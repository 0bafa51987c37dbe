package org.minhu.cases;

import java.util.function.Predicate;

/**
 * Everything staff may do to or read of a case, each with the condition of the case under which it
 * makes sense at all (its state, a pending extension, a phone to reply to). Who may do it is
 * {@link CasePermissions}' table. A case outside the condition answers 409, a person outside the table 403.
 */
public enum CaseAction {
    // reads
    READ_CASE(c -> true),
    READ_HISTORY(c -> true),
    READ_CONVERSATION(c -> true),
    READ_MEDIA(c -> true),
    // writes that leave the state as it is
    NOTE(c -> true),
    REPLY(c -> c.getPhone() != null),
    // the state machine (CaseTransition)
    DISPATCH(transition(CaseTransition.DISPATCH)),
    ACCEPT(transition(CaseTransition.ACCEPT)),
    START(transition(CaseTransition.START)),
    RESOLVE(transition(CaseTransition.RESOLVE)),
    RETURN(transition(CaseTransition.RETURN)),
    TRANSFER(transition(CaseTransition.TRANSFER)),
    REOPEN(transition(CaseTransition.REOPEN)),
    ARCHIVE(transition(CaseTransition.ARCHIVE)),
    // the deadline clock
    PAUSE(c -> c.isOpen() && c.getPausedAt() == null),
    RESUME(c -> c.isOpen() && c.getPausedAt() != null),
    REQUEST_EXTENSION(c -> c.isOpen() && c.getState() != CaseState.RECEIVED && c.getRequestedDue() == null),
    APPROVE_EXTENSION(c -> c.getRequestedDue() != null),
    REJECT_EXTENSION(c -> c.getRequestedDue() != null),
    // 办理意见 of a 疑难件, owed within 3 days of acceptance
    OPINION(ServiceCase::isOpinionOwed),
    // 重复件
    LINK(c -> c.isOpen() && c.getLinkedTo() == null),
    // casework: 诉求类型/办理类别 while open, 不予受理, 回访 of a resolved case, 复查 before archiving
    CLASSIFY(states(CaseState.RECEIVED, CaseState.DISPATCHED, CaseState.ACCEPTED, CaseState.IN_PROGRESS)),
    DECLINE(transition(CaseTransition.DECLINE)),
    CALL_BACK(states(CaseState.RESOLVED)),
    REVIEW(states(CaseState.RESOLVED, CaseState.RATED)),
    // the assignee within the lead unit (承办人): 我来办, 分派 to a colleague, 转交 to a colleague
    TAKE(c -> c.isOpen() && c.getUnit() != null && c.getState() != CaseState.RECEIVED && c.getOwner() == null),
    ASSIGN(c -> c.isOpen() && c.getUnit() != null && c.getState() != CaseState.RECEIVED),
    PASS(c -> c.isOpen() && c.getUnit() != null && c.getOwner() != null),
    // labels (标签), on any case, open or closed
    TAG(c -> true),
    UNTAG(c -> true);

    private final Predicate<ServiceCase> possible;

    CaseAction(Predicate<ServiceCase> possible) {
        this.possible = possible;
    }

    /** Whether the case is in a condition where this action makes sense (its state, a pending request). */
    public boolean possibleOn(ServiceCase c) {
        return possible.test(c);
    }

    public boolean isRead() {
        return name().startsWith("READ_");
    }

    private static Predicate<ServiceCase> states(CaseState first, CaseState... rest) {
        java.util.Set<CaseState> states = java.util.EnumSet.of(first, rest);
        return c -> states.contains(c.getState());
    }

    private static Predicate<ServiceCase> transition(CaseTransition t) {
        return c -> t.allowedFrom(c.getState());
    }
}
