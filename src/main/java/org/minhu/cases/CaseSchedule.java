package org.minhu.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

import java.time.Duration;
import java.time.Instant;

/**
 * A case's clock: the deadline to resolve by (办结时限) with its two reminders and three escalation
 * levels, an extension asked for, the acceptance (签收) owed after each dispatch and its chase, the
 * 办理意见 a 疑难件 owes after acceptance, and the pause that stops them all. Its columns are the
 * case's own ({@code service_case}); a step the case's state does not allow is refused (409), and
 * the case keeps the time of the change.
 */
@Embeddable
public class CaseSchedule {

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    /** The deadline clock stopped (e.g. waiting for the resident); due dates move on by the pause. */
    @Column(name = "paused_at")
    private Instant pausedAt;

    /** An extension asked for and not yet approved. */
    @Column(name = "requested_due")
    private Instant requestedDue;

    @Column(name = "reminders_sent", nullable = false)
    private int remindersSent;

    @Column(name = "escalation_level", nullable = false)
    private int escalationLevel;

    @Column(name = "dispatched_at")
    private Instant dispatchedAt;

    @Column(name = "accept_due_at")
    private Instant acceptDueAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    /** The 15-minute acceptance chased: 0 not yet, 1 the unit's handlers reminded, 2 escalated. */
    @Column(name = "accept_chased", nullable = false)
    private int acceptChased;

    /** When a case still not accepted is escalated (set at dispatch; the clock's pauses move it on). */
    @Column(name = "accept_escalate_at")
    private Instant acceptEscalateAt;

    /** The 办理意见 a 疑难件 owes, counted from acceptance. */
    @Embedded
    private HandlingOpinion opinion = new HandlingOpinion();

    protected CaseSchedule() {
    }

    CaseSchedule(Instant dueAt) {
        this.dueAt = dueAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getPausedAt() {
        return pausedAt;
    }

    public Instant getRequestedDue() {
        return requestedDue;
    }

    public int getRemindersSent() {
        return remindersSent;
    }

    public int getEscalationLevel() {
        return escalationLevel;
    }

    public Instant getDispatchedAt() {
        return dispatchedAt;
    }

    public Instant getAcceptDueAt() {
        return acceptDueAt;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public int getAcceptChased() {
        return acceptChased;
    }

    public Instant getAcceptEscalateAt() {
        return acceptEscalateAt;
    }

    public HandlingOpinion getOpinion() {
        return opinion;
    }

    public boolean isPaused() {
        return pausedAt != null;
    }

    /** Past the deadline with the clock running (the case tells whether it is still open). */
    boolean isPastDue(Instant now) {
        return pausedAt == null && now.isAfter(dueAt);
    }

    /** Dispatched to a unit in this state and nobody there has accepted it yet. */
    boolean isAwaitingAcceptance(CaseState state) {
        return state == CaseState.DISPATCHED && acceptedAt == null && acceptDueAt != null;
    }

    /** When a case not accepted is escalated; cases dispatched before the column existed, at their acceptance time. */
    public Instant acceptEscalationAt() {
        return acceptEscalateAt == null ? acceptDueAt : acceptEscalateAt;
    }

    /** A new deadline, counted from filing (the case is classified anew), unless it is a 差评件's or has an extension asked for. */
    void dueAfter(Instant createdAt, Duration allowed, boolean flagged) {
        if (!flagged && requestedDue == null) {
            dueAt = createdAt.plus(allowed);
        }
    }

    /** Sent to a unit now: it owes an acceptance within {@code acceptWithin}, escalated after {@code escalateAfter} (never sooner). */
    void dispatched(Instant now, Duration acceptWithin, Duration escalateAfter) {
        acceptedAt = null;
        dispatchedAt = now;
        acceptDueAt = now.plus(acceptWithin);
        acceptEscalateAt = now.plus(escalateAfter.compareTo(acceptWithin) > 0 ? escalateAfter : acceptWithin);
        acceptChased = 0;
    }

    void accepted(Instant now) {
        acceptedAt = now;
    }

    /** Back to dispatch (退单): no unit owes an acceptance. */
    void undispatched() {
        acceptedAt = null;
        acceptDueAt = null;
        acceptEscalateAt = null;
        acceptChased = 0;
    }

    /** Declined: no acceptance is owed. */
    void acceptanceCancelled() {
        acceptDueAt = null;
    }

    /** Reopened (差评件): as long again as the case first had from {@code createdAt}, and the reminders start over. */
    void restarted(Instant createdAt, Instant now) {
        Duration allowed = Duration.between(createdAt, dueAt);
        dueAt = now.plus(allowed);
        remindersSent = 0;
        escalationLevel = 0;
    }

    /** A 办理意见 is owed within {@code within} of acceptance (a 疑难件), or none (another class, or null). */
    void owesOpinion(Duration within) {
        opinion.owe(within, acceptedAt);
    }

    /** When the owner is reminded of the opinion, counted from acceptance (or else from {@code createdAt}). */
    public Instant opinionReminderAt(Instant createdAt) {
        return opinion.reminderAt(opinionCountedFrom(createdAt));
    }

    private Instant opinionCountedFrom(Instant createdAt) {
        return acceptedAt == null ? createdAt : acceptedAt;
    }

    /** Stops the clock of case {@code number}, open in {@code state}. */
    void pause(String number, CaseState state, Instant now) {
        if (pausedAt != null || !state.isOpen()) {
            throw new CaseStateException(number, state, "case " + number + " cannot be paused now");
        }
        pausedAt = now;
    }

    /** The clock runs again; every deadline, the 办理意见's too, moves on by the time it stood still. */
    void resume(String number, CaseState state, Instant now) {
        if (pausedAt == null) {
            throw new CaseStateException(number, state, "case " + number + " is not paused");
        }
        Duration stood = Duration.between(pausedAt, now);
        dueAt = dueAt.plus(stood);
        if (acceptDueAt != null) {
            acceptDueAt = acceptDueAt.plus(stood);
        }
        if (acceptEscalateAt != null) {
            acceptEscalateAt = acceptEscalateAt.plus(stood);
        }
        opinion.moveOn(stood);
        pausedAt = null;
    }

    /** Asks to move the deadline of case {@code number}, open in {@code state}, to {@code until}, later than it is now. */
    void requestExtension(String number, CaseState state, Instant until) {
        if (!state.isOpen() || !until.isAfter(dueAt)) {
            throw new CaseStateException(number, state, "an extension must be for an open case and later than " + dueAt);
        }
        requestedDue = until;
    }

    /** The date asked for becomes the deadline, and the reminders start over. */
    Instant approveExtension(String number, CaseState state) {
        requireExtensionAsked(number, state);
        dueAt = requestedDue;
        requestedDue = null;
        remindersSent = 0;
        escalationLevel = 0;
        return dueAt;
    }

    void rejectExtension(String number, CaseState state) {
        requireExtensionAsked(number, state);
        requestedDue = null;
    }

    private void requireExtensionAsked(String number, CaseState state) {
        if (requestedDue == null) {
            throw new CaseStateException(number, state, "no extension was requested for case " + number);
        }
    }

    /** Marks a reminder level (1 = half the time gone, 2 = four fifths) as sent; false if it was. */
    boolean remind(int level) {
        if (remindersSent >= level) {
            return false;
        }
        remindersSent = level;
        return true;
    }

    /** Raises the escalation to a level; false if it is there already. */
    boolean escalate(int level) {
        if (escalationLevel >= level) {
            return false;
        }
        escalationLevel = level;
        return true;
    }

    /** Marks the acceptance chase (1 reminded, 2 escalated) as done; false if it was. */
    boolean chaseAcceptance(int level) {
        if (acceptChased >= level) {
            return false;
        }
        acceptChased = level;
        return true;
    }

    /** When reminder {@code n} is due: 1 at half the time allowed since {@code createdAt}, 2 at four fifths. Sent only before the deadline. */
    public Instant reminderAt(Instant createdAt, int n) {
        Duration allowed = Duration.between(createdAt, dueAt);
        return createdAt.plus(n == 1 ? allowed.dividedBy(2) : allowed.multipliedBy(4).dividedBy(5));
    }

    /**
     * From when escalation {@code level} is due: 1 (the handler) once the deadline has passed, 2 (the
     * department head) a quarter of the allowed time later, 3 (the supervision office) half of it later.
     */
    public Instant escalationAt(Instant createdAt, int level) {
        Duration allowed = Duration.between(createdAt, dueAt);
        return switch (level) {
            case 1 -> dueAt.plusNanos(1000);
            case 2 -> dueAt.plus(allowed.dividedBy(4));
            default -> dueAt.plus(allowed.dividedBy(2));
        };
    }

    /**
     * When the deadline check next has something to do for an open case with a running clock: the
     * next reminder while no escalation has started, else the next escalation step; the acceptance
     * chase while the case (in {@code state}) waits to be accepted; the 办理意见's reminder and
     * escalation while one is owed. Null when nothing is left.
     */
    Instant nextCheck(Instant createdAt, CaseState state) {
        Instant next = null;
        if (escalationLevel < 3) {
            next = escalationAt(createdAt, escalationLevel + 1);
            if (escalationLevel == 0 && remindersSent < 2) {
                next = earlier(next, reminderAt(createdAt, remindersSent + 1));
            }
        }
        if (isAwaitingAcceptance(state) && acceptChased < 2) {
            next = earlier(next, acceptChased == 0 ? acceptDueAt : acceptEscalationAt());
        }
        return earlier(next, opinion.nextCheck(opinionCountedFrom(createdAt)));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b != null && b.isBefore(a) ? b : a;
    }
}
