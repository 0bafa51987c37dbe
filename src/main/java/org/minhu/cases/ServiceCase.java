package org.minhu.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * A resident's request from the moment it is registered until it is archived. The state only
 * moves through the methods below, each of which refuses a step the cycle does not allow.
 */
@Entity
@Table(name = "service_case")
public class ServiceCase extends FiledRequest {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    /** A 差评件: rated 不满意, reopened, and under supervision until fixed. */
    @Column(nullable = false)
    private boolean flagged;

    /** The deadline, the acceptance owed after each dispatch, the 办理意见 owed, their chase and the pause that stops them. */
    @Embedded
    private CaseSchedule schedule;

    /** The lead unit, assisting units, grid and assignee. */
    @Embedded
    private CaseUnits units;

    /** The rating, 回访 and 复查; null (all its columns empty) until the first of them. */
    @Embedded
    private CaseFollowUp followUp;

    /** What was done and answered when resolved; null (all its columns empty) until then. */
    @Embedded
    private CaseResolution resolution;

    /** The resident's nudges and additions. */
    @Embedded
    private ResidentActivity residentActivity = new ResidentActivity();

    /** When the deadline check next has something to do here; null when nothing is left. See {@link #planNextCheck()}. */
    @Column(name = "next_check_at")
    private Instant nextCheckAt;

    @Column(name = "archived_at")
    private Instant archivedAt;

    /** The case this one duplicates; its resident follows that one. */
    @Column(name = "linked_to")
    private String linkedTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "request_type", nullable = false)
    private RequestType requestType = RequestType.COMPLAINT;

    @Enumerated(EnumType.STRING)
    @Column(name = "handling_class", nullable = false)
    private HandlingClass handlingClass = HandlingClass.EASY;

    /** The code of the dispatch rules' decline reason, for a case declined (不予受理). */
    @Column(name = "decline_reason")
    private String declineReason;

    protected ServiceCase() {
    }

    ServiceCase(String number, NewCase request, Category category, Instant now) {
        super(number, request, category.code(), now);
        this.state = CaseState.RECEIVED;
        this.units = new CaseUnits(category.unit());
        this.priority = category.priority();
        this.schedule = new CaseSchedule(now.plus(Duration.ofHours(category.dueHours())));
        this.updatedAt = now;
    }

    public CaseState getState() {
        return state;
    }

    public String getUnit() {
        return units.getUnit();
    }

    public Priority getPriority() {
        return priority;
    }

    public Instant getDueAt() {
        return schedule.getDueAt();
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public boolean isFlagged() {
        return flagged;
    }

    public boolean isOpen() {
        return state.isOpen();
    }

    public CaseSchedule getSchedule() {
        return schedule;
    }

    public CaseUnits getUnits() {
        return units;
    }

    /** The rating, 回访 and 复查 so far (an empty one, not kept, before any of them). */
    public CaseFollowUp getFollowUp() {
        return followUp == null ? new CaseFollowUp() : followUp;
    }

    /** What was done and answered (an empty one, not kept, before it was resolved). */
    public CaseResolution getResolution() {
        return resolution == null ? new CaseResolution() : resolution;
    }

    public ResidentActivity getResidentActivity() {
        return residentActivity;
    }

    private CaseFollowUp followUpToWrite() {
        if (followUp == null) {
            followUp = new CaseFollowUp();
        }
        return followUp;
    }

    public String getOwner() {
        return units.getOwner();
    }

    public Instant getArchivedAt() {
        return archivedAt;
    }

    public String getLinkedTo() {
        return linkedTo;
    }

    public RequestType getRequestType() {
        return requestType;
    }

    public HandlingClass getHandlingClass() {
        return handlingClass;
    }

    public String getDeclineReason() {
        return declineReason;
    }

    /** Whether a 办理意见 is owed and not given yet. */
    public boolean isOpinionOwed() {
        return state.isOpen() && schedule.getOpinion().isOwed();
    }

    void opinionGiven(String text, Instant now) {
        if (!isOpinionOwed()) {
            throw refused("case " + getNumber() + " owes no handling opinion");
        }
        schedule.getOpinion().give(text, now);
        updatedAt = now;
    }

    /**
     * A 复查 is owed before archiving: a 差评件 (rated 不满意 or reopened) or a hot spot's parent case
     * has its fix verified on site by someone other than who did it, and it held.
     */
    public boolean isReviewNeeded() {
        return (flagged || HOTSPOT_CHANNEL.equals(getChannel())) && !Boolean.TRUE.equals(getFollowUp().getReviewPassed());
    }

    /** Whether {@code unit} leads or assists a case with these units (see {@link CaseUnits#involves}). */
    public static boolean involves(String leadUnit, String assistingUnits, String unit) {
        return CaseUnits.involves(leadUnit, assistingUnits, unit);
    }

    /** The channel of parent cases merged from a hot spot (org.minhu.proactive). */
    public static final String HOTSPOT_CHANNEL = "hotspot";

    /** Type and class (and so the deadline, counted from filing) as guessed or as staff set them. */
    void classify(RequestType type, HandlingClass handling, int resolveHours, Instant now) {
        this.requestType = type;
        this.handlingClass = handling;
        if (state.isOpen()) {
            schedule.dueAfter(getCreatedAt(), Duration.ofHours(resolveHours), flagged);
        }
        this.updatedAt = now;
    }

    void declined(String reason, Instant now) {
        this.declineReason = reason;
        units.assignTo(null);
        schedule.acceptanceCancelled();
        this.archivedAt = now;
        this.updatedAt = now;
    }

    /** A question answered at once: resolved and closed in the same moment. */
    void answered(String answer, Instant now) {
        resolvedWith(answer, null, null, now);
        this.archivedAt = now;
    }

    void calledBack(CallBackResult result, String by, Instant now) {
        followUpToWrite().calledBack(result, by, now);
        this.updatedAt = now;
    }

    void reviewed(boolean passed, String by, String photo, Instant now) {
        followUpToWrite().reviewed(passed, by, photo, now);
        this.updatedAt = now;
    }

    public boolean isOverdue(Instant now) {
        return state.isOpen() && schedule.isPastDue(now);
    }

    /** Moves the case along the state machine, or refuses (409) a change its state does not allow. */
    void apply(CaseTransition transition, Instant now) {
        if (!transition.allowedFrom(state)) {
            throw refused("case " + getNumber() + " is " + state + "; " + transition.name().toLowerCase()
                    + " needs one of " + transition.from());
        }
        state = transition.to();
        updatedAt = now;
    }

    void routeTo(String unit, String grid, java.util.List<String> assisting, Priority priority, Instant now,
                 Duration acceptWithin, Duration escalateAfter) {
        units.routeTo(unit, grid, assisting);
        if (priority != null) {
            this.priority = priority;
        }
        schedule.dispatched(now, acceptWithin, escalateAfter);
    }

    /** Something about the case changed that is not one of its fields (a label): the inbox shows it again. */
    void touched(Instant now) {
        this.updatedAt = now;
    }

    void assignTo(String username, Instant now) {
        units.assignTo(username);
        this.updatedAt = now;
    }

    void acceptedBy(String owner, Instant now) {
        units.assignTo(owner);
        schedule.accepted(now);
    }

    void unroute() {
        units.assignTo(null);
        schedule.undispatched();
    }

    void resolvedWith(String note, String publicReply, String photo, Instant now) {
        if (resolution == null) {
            resolution = new CaseResolution();
        }
        resolution.resolved(note, publicReply, photo, getCreatedAt(), now);
        this.resolvedAt = now;
    }

    void reopenFlagged(Instant now) {
        this.flagged = true;
        this.resolvedAt = null;
        schedule.restarted(getCreatedAt(), now);
    }

    void archived(Instant now) {
        this.archivedAt = now;
    }

    void pause(Instant now) {
        schedule.pause(getNumber(), state, now);
        updatedAt = now;
    }

    void resume(Instant now) {
        schedule.resume(getNumber(), state, now);
        updatedAt = now;
    }

    void requestExtension(Instant until, Instant now) {
        schedule.requestExtension(getNumber(), state, until);
        updatedAt = now;
    }

    Instant approveExtension(Instant now) {
        Instant due = schedule.approveExtension(getNumber(), state);
        updatedAt = now;
        return due;
    }

    void rejectExtension(Instant now) {
        schedule.rejectExtension(getNumber(), state);
        updatedAt = now;
    }

    private CaseStateException refused(String why) {
        return new CaseStateException(getNumber(), state, why);
    }

    void ratingReminded(Instant now) {
        followUpToWrite().ratingReminded(now);
    }

    void linkTo(String parent, Instant now) {
        linkedTo = parent;
        updatedAt = now;
    }

    /** 满意 or 基本满意 closes the cycle; 不满意 goes through {@link #reopenAsPoorlyRated}. */
    void rate(Rating rating, String reason, Instant now) {
        if (rating == Rating.UNSATISFIED) {
            throw new IllegalArgumentException("an unsatisfied rating reopens the case");
        }
        apply(CaseTransition.RATE, now);
        followUpToWrite().rated(rating, reason);
    }

    /**
     * 不满意: the case becomes a 差评件 and goes back to the unit to be fixed, with as long again
     * as it first had: the first deadline was spent on a fix that did not hold.
     */
    void reopenAsPoorlyRated(String reason, Instant now) {
        apply(CaseTransition.RATE_POORLY, now);
        followUpToWrite().rated(Rating.UNSATISFIED, reason);
        reopenFlagged(now);
    }

    /**
     * Plans the deadline check on every write: the schedule's next reminder, escalation step, acceptance
     * chase or 办理意见 chase ({@link CaseSchedule#nextCheck}). {@link SlaMonitor} reads only cases whose
     * time has come, and plans again after it looked.
     */
    @PrePersist
    @PreUpdate
    void planNextCheck() {
        if (state == null || !state.isOpen() || schedule == null || schedule.isPaused() || getCreatedAt() == null
                || schedule.getDueAt() == null) {
            nextCheckAt = null;
            return;
        }
        nextCheckAt = schedule.nextCheck(getCreatedAt(), state);
    }

    /** Dispatched to a unit and nobody there has accepted it yet. */
    public boolean isAwaitingAcceptance() {
        return schedule.isAwaitingAcceptance(state);
    }

    public Instant getNextCheckAt() {
        return nextCheckAt;
    }

    /** The resident added material: the case counts as changed, so open pages and the inbox fetch it again. */
    void residentAdded(Instant now) {
        residentActivity.added(now);
        updatedAt = now;
    }

    /** The resident nudged the case today. */
    void nudged(Instant now) {
        residentActivity.nudged(now);
        updatedAt = now;
    }
}
