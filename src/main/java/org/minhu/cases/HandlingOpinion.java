package org.minhu.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Duration;
import java.time.Instant;

/**
 * 办理意见: what the lead unit of a 疑难件 will do about it and by when, owed within a time of
 * acceptance, with its own reminder and escalation. Its columns are the case's own
 * ({@code service_case}); the case tells whether it is still open.
 */
@Embeddable
public class HandlingOpinion {

    /** Owed by this time, counted from acceptance; null when none is owed. */
    @Column(name = "opinion_due_at")
    private Instant dueAt;

    @Column(name = "opinion_at")
    private Instant givenAt;

    @Column(name = "opinion")
    private String text;

    /** The opinion chased: 0 not yet, 1 the owner reminded, 2 escalated. */
    @Column(name = "opinion_chased", nullable = false)
    private int chased;

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getGivenAt() {
        return givenAt;
    }

    public String getText() {
        return text;
    }

    public int getChased() {
        return chased;
    }

    /** Owed and not given yet (for an open case). */
    boolean isOwed() {
        return dueAt != null && givenAt == null;
    }

    /**
     * Owed within {@code within} of acceptance (a 疑难件), or none (another class, or null, or not
     * accepted yet). An opinion given stands; one owed already keeps its time.
     */
    void owe(Duration within, Instant acceptedAt) {
        if (givenAt != null) {
            return;
        }
        if (within == null || acceptedAt == null) {
            dueAt = null;
            chased = 0;
        } else if (dueAt == null) {
            dueAt = acceptedAt.plus(within);
            chased = 0;
        }
    }

    void give(String text, Instant now) {
        this.text = text;
        this.givenAt = now;
    }

    /** The case's clock stood still this long: an opinion still owed is owed that much later. */
    void moveOn(Duration stood) {
        if (dueAt != null && givenAt == null) {
            dueAt = dueAt.plus(stood);
        }
    }

    /** Marks the chase (1 reminded, 2 escalated) as done; false if it was. */
    boolean chase(int level) {
        if (chased >= level) {
            return false;
        }
        chased = level;
        return true;
    }

    /** When the owner is reminded: two thirds of the time gone since {@code from} (a day before, of three). */
    Instant reminderAt(Instant from) {
        return dueAt.minus(Duration.between(from, dueAt).dividedBy(3));
    }

    /** When a missing opinion is escalated: once its time has passed. */
    public Instant escalationAt() {
        return dueAt.plusNanos(1000);
    }

    /** When the deadline check next has something to do about the opinion of an open case; null for nothing. */
    Instant nextCheck(Instant from) {
        if (!isOwed() || chased >= 2) {
            return null;
        }
        return chased == 0 ? reminderAt(from) : escalationAt();
    }
}
