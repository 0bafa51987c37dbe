package org.minhu.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
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
public class ServiceCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String number;

    /** The resident's phone; empty for requests from other channels that gave no mobile number. */
    private String phone;

    @Column(nullable = false)
    private String category;

    @Column(nullable = false)
    private String description;

    private Double latitude;
    private Double longitude;
    private String address;

    @Column(name = "photo_path")
    private String photoPath;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseState state;

    @Column(nullable = false)
    private String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Enumerated(EnumType.STRING)
    private Rating rating;

    @Column(name = "rating_reason")
    private String ratingReason;

    /** A 差评件: rated 不满意, reopened, and under supervision until fixed. */
    @Column(nullable = false)
    private boolean flagged;

    @Column(name = "flow_id")
    private String flowId;

    @Column(name = "flow_version")
    private Integer flowVersion;

    @Column(nullable = false)
    private String channel;

    private String grid;

    /** Whether {@code unit} leads or assists a case with these units: a whole element of the stored comma list, never a substring. */
    public static boolean involves(String leadUnit, String assistingUnits, String unit) {
        if (unit == null) {
            return false;
        }
        return unit.equals(leadUnit) || assistingUnits != null
                && java.util.Arrays.stream(assistingUnits.split(",")).map(String::strip).anyMatch(unit::equals);
    }

    /** What may separate assisting units where people type them; stored, they are separated by commas only. */
    public static final String ASSISTING_SEPARATORS = "[,，、;；|\\n]";

    @Column(name = "assisting_units")
    private String assistingUnits;

    /**
     * The assignee (承办人) within the lead unit: who took it (我来办), was assigned it or had it passed
     * on, or else the first person who accepted it; they own it to the end (首办负责制). A new unit
     * (派单, 转办, 退单) starts without one.
     */
    private String owner;

    @Column(name = "dispatched_at")
    private Instant dispatchedAt;

    @Column(name = "accept_due_at")
    private Instant acceptDueAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

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

    /** When the deadline check next has something to do here; null when nothing is left. See {@link #planNextCheck()}. */
    @Column(name = "next_check_at")
    private Instant nextCheckAt;

    /** What was done, in the staff's words: for staff only. */
    @Column(name = "resolution_note")
    private String resolutionNote;

    /** 答复居民: what staff wrote for the resident and the public when resolving (the echo wall, Open311); null for none. */
    @Column(name = "public_reply")
    private String publicReply;

    @Column(name = "resolution_photo")
    private String resolutionPhoto;

    @Column(name = "handling_seconds")
    private Long handlingSeconds;

    @Column(name = "rating_reminded_at")
    private Instant ratingRemindedAt;

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

    @Enumerated(EnumType.STRING)
    @Column(name = "call_back_result")
    private CallBackResult callBackResult;

    @Column(name = "called_back_at")
    private Instant calledBackAt;

    @Column(name = "called_back_by")
    private String calledBackBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "review_photo")
    private String reviewPhoto;

    @Column(name = "review_passed")
    private Boolean reviewPassed;

    /** The 15-minute acceptance chased: 0 not yet, 1 the unit's handlers reminded, 2 escalated. */
    @Column(name = "accept_chased", nullable = false)
    private int acceptChased;

    /** When a case still not accepted is escalated (set at dispatch; the clock's pauses move it on). */
    @Column(name = "accept_escalate_at")
    private Instant acceptEscalateAt;

    /** 办理意见 of a 疑难件: owed by this time, counted from acceptance; null when none is owed. */
    @Column(name = "opinion_due_at")
    private Instant opinionDueAt;

    @Column(name = "opinion_at")
    private Instant opinionAt;

    private String opinion;

    /** The opinion chased: 0 not yet, 1 the owner reminded, 2 escalated. */
    @Column(name = "opinion_chased", nullable = false)
    private int opinionChased;

    protected ServiceCase() {
    }

    ServiceCase(String number, NewCase request, Category category, Instant now) {
        this.number = number;
        this.phone = request.phone();
        this.category = category.code();
        this.description = request.description();
        this.latitude = request.latitude();
        this.longitude = request.longitude();
        this.address = request.address();
        this.photoPath = request.photoPath();
        this.state = CaseState.RECEIVED;
        this.unit = category.unit();
        this.priority = category.priority();
        this.dueAt = now.plus(Duration.ofHours(category.dueHours()));
        this.createdAt = now;
        this.updatedAt = now;
        this.flowId = request.flowId();
        this.flowVersion = request.flowVersion();
        this.channel = request.channel();
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public String getPhone() {
        return phone;
    }

    public String getCategory() {
        return category;
    }

    public String getDescription() {
        return description;
    }

    public Double getLatitude() {
        return latitude;
    }

    public Double getLongitude() {
        return longitude;
    }

    public String getAddress() {
        return address;
    }

    public String getPhotoPath() {
        return photoPath;
    }

    public CaseState getState() {
        return state;
    }

    public String getUnit() {
        return unit;
    }

    public Priority getPriority() {
        return priority;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Rating getRating() {
        return rating;
    }

    public String getRatingReason() {
        return ratingReason;
    }

    public boolean isFlagged() {
        return flagged;
    }

    public String getFlowId() {
        return flowId;
    }

    public Integer getFlowVersion() {
        return flowVersion;
    }

    public String getChannel() {
        return channel;
    }

    public boolean isOpen() {
        return state.isOpen();
    }

    public boolean belongsTo(String phone) {
        return this.phone != null && this.phone.equals(phone);
    }

    public String getGrid() {
        return grid;
    }

    public String getAssistingUnits() {
        return assistingUnits;
    }

    public String getOwner() {
        return owner;
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

    public String getResolutionNote() {
        return resolutionNote;
    }

    public String getPublicReply() {
        return publicReply;
    }

    public String getResolutionPhoto() {
        return resolutionPhoto;
    }

    public Long getHandlingSeconds() {
        return handlingSeconds;
    }

    public Instant getRatingRemindedAt() {
        return ratingRemindedAt;
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

    public CallBackResult getCallBackResult() {
        return callBackResult;
    }

    public Instant getCalledBackAt() {
        return calledBackAt;
    }

    public String getCalledBackBy() {
        return calledBackBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public String getReviewPhoto() {
        return reviewPhoto;
    }

    public Boolean getReviewPassed() {
        return reviewPassed;
    }

    public int getAcceptChased() {
        return acceptChased;
    }

    public Instant getAcceptEscalateAt() {
        return acceptEscalateAt;
    }

    public Instant getOpinionDueAt() {
        return opinionDueAt;
    }

    public Instant getOpinionAt() {
        return opinionAt;
    }

    public String getOpinion() {
        return opinion;
    }

    public int getOpinionChased() {
        return opinionChased;
    }

    /** Whether a 办理意见 is owed and not given yet. */
    public boolean isOpinionOwed() {
        return opinionDueAt != null && opinionAt == null && state.isOpen();
    }

    /** When the owner is reminded of the opinion: two thirds of its time gone (a day before, of three). */
    public Instant opinionReminderAt() {
        Instant from = acceptedAt == null ? createdAt : acceptedAt;
        return opinionDueAt.minus(Duration.between(from, opinionDueAt).dividedBy(3));
    }

    /** When a missing opinion is escalated: once its time has passed. */
    public Instant opinionEscalationAt() {
        return opinionDueAt.plusNanos(1000);
    }

    /** When a case not accepted is escalated; cases dispatched before the column existed, at their acceptance time. */
    public Instant acceptEscalationAt() {
        return acceptEscalateAt == null ? acceptDueAt : acceptEscalateAt;
    }

    /**
     * A 办理意见 is owed within {@code within} of acceptance (a 疑难件), or none (another class, or
     * null). An opinion given stands; one owed already keeps its time.
     */
    void owesOpinion(java.time.Duration within) {
        if (opinionAt != null) {
            return;
        }
        if (within == null || acceptedAt == null) {
            opinionDueAt = null;
            opinionChased = 0;
        } else if (opinionDueAt == null) {
            opinionDueAt = acceptedAt.plus(within);
            opinionChased = 0;
        }
    }

    void opinionGiven(String text, Instant now) {
        if (!isOpinionOwed()) {
            throw new CaseStateException(number, state, "case " + number + " owes no handling opinion");
        }
        opinion = text;
        opinionAt = now;
        updatedAt = now;
    }

    /** Marks the acceptance chase (1 reminded, 2 escalated) as done; false if it was. */
    boolean chaseAcceptance(int level) {
        if (acceptChased >= level) {
            return false;
        }
        acceptChased = level;
        return true;
    }

    /** Marks the opinion chase (1 reminded, 2 escalated) as done; false if it was. */
    boolean chaseOpinion(int level) {
        if (opinionChased >= level) {
            return false;
        }
        opinionChased = level;
        return true;
    }

    /**
     * A 复查 is owed before archiving: a 差评件 (rated 不满意 or reopened) or a hot spot's parent case
     * has its fix verified on site by someone other than who did it, and it held.
     */
    public boolean isReviewNeeded() {
        return (flagged || HOTSPOT_CHANNEL.equals(channel)) && !Boolean.TRUE.equals(reviewPassed);
    }

    /** The channel of parent cases merged from a hot spot (org.minhu.proactive). */
    public static final String HOTSPOT_CHANNEL = "hotspot";

    /** Type and class (and so the deadline, counted from filing) as guessed or as staff set them. */
    void classify(RequestType type, HandlingClass handling, int resolveHours, Instant now) {
        this.requestType = type;
        this.handlingClass = handling;
        if (state.isOpen() && !flagged && requestedDue == null) {
            this.dueAt = createdAt.plus(Duration.ofHours(resolveHours));
        }
        this.updatedAt = now;
    }

    void declined(String reason, Instant now) {
        this.declineReason = reason;
        this.owner = null;
        this.acceptDueAt = null;
        this.archivedAt = now;
        this.updatedAt = now;
    }

    /** A question answered at once: resolved and closed in the same moment. */
    void answered(String answer, Instant now) {
        this.resolutionNote = answer;
        this.resolvedAt = now;
        this.archivedAt = now;
        this.handlingSeconds = Duration.between(createdAt, now).getSeconds();
    }

    void calledBack(CallBackResult result, String by, Instant now) {
        this.callBackResult = result;
        this.calledBackAt = now;
        this.calledBackBy = by;
        this.updatedAt = now;
    }

    void reviewed(boolean passed, String by, String photo, Instant now) {
        this.reviewPassed = passed;
        this.reviewedAt = now;
        this.reviewedBy = by;
        this.reviewPhoto = photo;
        this.updatedAt = now;
    }

    public boolean isOverdue(Instant now) {
        return state.isOpen() && pausedAt == null && now.isAfter(dueAt);
    }

    /** Moves the case along the state machine, or refuses (409) a change its state does not allow. */
    void apply(CaseTransition transition, Instant now) {
        if (!transition.allowedFrom(state)) {
            throw new CaseStateException(number, state, "case " + number + " is " + state + "; "
                    + transition.name().toLowerCase() + " needs one of " + transition.from());
        }
        state = transition.to();
        updatedAt = now;
    }

    void routeTo(String unit, String grid, java.util.List<String> assisting, Priority priority, Instant now,
                 Duration acceptWithin, Duration escalateAfter) {
        this.unit = unit;
        if (grid != null) {
            this.grid = grid;
        }
        // one unit per comma, trimmed: the inbox and the case page match a unit against exactly these
        String units = assisting == null ? "" : assisting.stream()
                .flatMap(a -> java.util.Arrays.stream(a.split(ASSISTING_SEPARATORS)))
                .map(String::strip).filter(a -> !a.isEmpty()).distinct()
                .collect(java.util.stream.Collectors.joining(","));
        this.assistingUnits = units.isEmpty() ? null : units;
        if (priority != null) {
            this.priority = priority;
        }
        this.owner = null;
        this.acceptedAt = null;
        this.dispatchedAt = now;
        this.acceptDueAt = now.plus(acceptWithin);
        this.acceptEscalateAt = now.plus(escalateAfter.compareTo(acceptWithin) > 0 ? escalateAfter : acceptWithin);
        this.acceptChased = 0;
    }

    /** Something about the case changed that is not one of its fields (a label): the inbox shows it again. */
    void touched(Instant now) {
        this.updatedAt = now;
    }

    void assignTo(String username, Instant now) {
        this.owner = username;
        this.updatedAt = now;
    }

    void acceptedBy(String owner, Instant now) {
        this.owner = owner;
        this.acceptedAt = now;
    }

    void unroute() {
        this.owner = null;
        this.acceptedAt = null;
        this.acceptDueAt = null;
        this.acceptEscalateAt = null;
        this.acceptChased = 0;
    }

    void resolvedWith(String note, String publicReply, String photo, Instant now) {
        this.resolutionNote = note;
        this.publicReply = publicReply;
        this.resolutionPhoto = photo;
        this.resolvedAt = now;
        this.handlingSeconds = Duration.between(createdAt, now).getSeconds();
    }

    void reopenFlagged(Instant now) {
        Duration allowed = Duration.between(createdAt, dueAt);
        this.flagged = true;
        this.resolvedAt = null;
        this.dueAt = now.plus(allowed);
        this.remindersSent = 0;
        this.escalationLevel = 0;
    }

    void archived(Instant now) {
        this.archivedAt = now;
    }

    void pause(Instant now) {
        if (pausedAt != null || !state.isOpen()) {
            throw new CaseStateException(number, state, "case " + number + " cannot be paused now");
        }
        pausedAt = now;
        updatedAt = now;
    }

    /** The clock runs again; every deadline moves on by the time it stood still. */
    void resume(Instant now) {
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
        if (opinionDueAt != null && opinionAt == null) {
            opinionDueAt = opinionDueAt.plus(stood);
        }
        pausedAt = null;
        updatedAt = now;
    }

    void requestExtension(Instant until, Instant now) {
        if (!state.isOpen() || !until.isAfter(dueAt)) {
            throw new CaseStateException(number, state, "an extension must be for an open case and later than " + dueAt);
        }
        requestedDue = until;
        updatedAt = now;
    }

    Instant approveExtension(Instant now) {
        if (requestedDue == null) {
            throw new CaseStateException(number, state, "no extension was requested for case " + number);
        }
        dueAt = requestedDue;
        requestedDue = null;
        remindersSent = 0;
        escalationLevel = 0;
        updatedAt = now;
        return dueAt;
    }

    void rejectExtension(Instant now) {
        if (requestedDue == null) {
            throw new CaseStateException(number, state, "no extension was requested for case " + number);
        }
        requestedDue = null;
        updatedAt = now;
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

    void ratingReminded(Instant now) {
        ratingRemindedAt = now;
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
        this.rating = rating;
        this.ratingReason = reason;
    }

    /**
     * 不满意: the case becomes a 差评件 and goes back to the unit to be fixed, with as long again
     * as it first had: the first deadline was spent on a fix that did not hold.
     */
    void reopenAsPoorlyRated(String reason, Instant now) {
        apply(CaseTransition.RATE_POORLY, now);
        Duration allowed = Duration.between(createdAt, dueAt);
        this.rating = Rating.UNSATISFIED;
        this.ratingReason = reason;
        this.flagged = true;
        this.resolvedAt = null;
        this.dueAt = now.plus(allowed);
        this.remindersSent = 0;
        this.escalationLevel = 0;
    }

    /** When reminder {@code n} is due: 1 at half the allowed time, 2 at four fifths. Sent only before the deadline. */
    public Instant reminderAt(int n) {
        Duration allowed = Duration.between(createdAt, dueAt);
        return createdAt.plus(n == 1 ? allowed.dividedBy(2) : allowed.multipliedBy(4).dividedBy(5));
    }

    /**
     * From when escalation {@code level} is due: 1 (the handler) once the deadline has passed, 2 (the
     * department head) a quarter of the allowed time later, 3 (the supervision office) half of it later.
     */
    public Instant escalationAt(int level) {
        Duration allowed = Duration.between(createdAt, dueAt);
        return switch (level) {
            case 1 -> dueAt.plusNanos(1000);
            case 2 -> dueAt.plus(allowed.dividedBy(4));
            default -> dueAt.plus(allowed.dividedBy(2));
        };
    }

    /**
     * Plans the deadline check on every write: the next reminder while no escalation has started, else
     * the next escalation step ({@link #reminderAt}, {@link #escalationAt}); the acceptance chase while
     * the case waits to be accepted; the 办理意见's reminder and escalation while one is owed.
     * {@link SlaMonitor} reads only cases whose time has come, and plans again after it looked.
     */
    @PrePersist
    @PreUpdate
    void planNextCheck() {
        if (state == null || !state.isOpen() || pausedAt != null || createdAt == null || dueAt == null) {
            nextCheckAt = null;
            return;
        }
        Instant next = null;
        if (escalationLevel < 3) {
            next = escalationAt(escalationLevel + 1);
            if (escalationLevel == 0 && remindersSent < 2) {
                next = earlier(next, reminderAt(remindersSent + 1));
            }
        }
        if (isAwaitingAcceptance() && acceptChased < 2) {
            next = earlier(next, acceptChased == 0 ? acceptDueAt : acceptEscalationAt());
        }
        if (isOpinionOwed() && opinionChased < 2) {
            next = earlier(next, opinionChased == 0 ? opinionReminderAt() : opinionEscalationAt());
        }
        nextCheckAt = next;
    }

    /** Dispatched to a unit and nobody there has accepted it yet. */
    public boolean isAwaitingAcceptance() {
        return state == CaseState.DISPATCHED && acceptedAt == null && acceptDueAt != null;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    public Instant getNextCheckAt() {
        return nextCheckAt;
    }

    // ---- what the resident added to the case and how often they nudged it (issue 17) ----

    /** How many days the resident nudged the case (催办); the inbox and the case page show it. */
    @Column(nullable = false)
    private int nudges;

    @Column(name = "nudged_at")
    private Instant nudgedAt;

    /** When the resident last added a text or a photo (补充材料). */
    @Column(name = "added_at")
    private Instant addedAt;

    /** The resident added material: the case counts as changed, so open pages and the inbox fetch it again. */
    void residentAdded(Instant now) {
        addedAt = now;
        updatedAt = now;
    }

    /** The resident nudged the case today. */
    void nudged(Instant now) {
        nudges++;
        nudgedAt = now;
        updatedAt = now;
    }

    public int getNudges() {
        return nudges;
    }

    public Instant getNudgedAt() {
        return nudgedAt;
    }

    public Instant getAddedAt() {
        return addedAt;
    }
}
