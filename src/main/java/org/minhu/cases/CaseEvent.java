package org.minhu.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of a case's history; written once, never changed. */
@Entity
@Table(name = "case_event")
public class CaseEvent {

    /** Who may read an entry: staff only, also the case's resident (and those following it), or anyone. */
    public enum Audience {
        STAFF, RESIDENT, PUBLIC;

        /** Whether an entry meant for {@code this} audience may be shown to {@code reader}. */
        public boolean shownTo(Audience reader) {
            return switch (reader) {
                case STAFF -> true;
                case RESIDENT -> this != STAFF;
                case PUBLIC -> this == PUBLIC;
            };
        }
    }

    /**
     * What happened, who may read that it did ({@link Audience}), and its name in the resident's
     * timeline. Residents and the public read an entry's kind, time and {@link #getPublicText()} only;
     * the staff's note ({@link #getNote()}: reasons, internal notes, what was done) never leaves the console.
     */
    public enum Kind {
        FILED(Audience.PUBLIC, "已受理", "Received"),
        FOLLOWED(Audience.STAFF, "有居民关注", "Followed"),
        DISPATCHED(Audience.PUBLIC, "已派单", "Dispatched"),
        ACCEPTED(Audience.PUBLIC, "已签收", "Accepted"),
        STARTED(Audience.PUBLIC, "办理中", "In progress"),
        RESOLVED(Audience.PUBLIC, "已办结", "Resolved"),
        RATED(Audience.RESIDENT, "已评价", "Rated"),
        RETURNED(Audience.STAFF, "退单", "Returned"),
        TRANSFERRED(Audience.PUBLIC, "已转办", "Transferred"),
        REOPENED(Audience.PUBLIC, "重新办理", "Reopened"),
        ARCHIVED(Audience.PUBLIC, "已归档", "Archived"),
        EXTENSION_REQUESTED(Audience.STAFF, "申请延期", "Extension requested"),
        EXTENSION_APPROVED(Audience.RESIDENT, "办结时限已延长", "Deadline extended"),
        EXTENSION_REJECTED(Audience.STAFF, "延期未批准", "Extension rejected"),
        PAUSED(Audience.RESIDENT, "暂停计时", "On hold"),
        RESUMED(Audience.RESIDENT, "恢复办理", "Resumed"),
        REMINDED(Audience.STAFF, "提醒", "Reminder"),
        ESCALATED(Audience.STAFF, "督办", "Escalated"),
        LINKED(Audience.RESIDENT, "并入同一事项", "Linked to the same matter"),
        NOTE(Audience.STAFF, "内部备注", "Internal note"),
        REPLIED(Audience.RESIDENT, "工作人员答复", "Staff replied"),
        CLASSIFIED(Audience.STAFF, "调整分类", "Reclassified"),
        DECLINED(Audience.RESIDENT, "不予受理", "Declined"),
        ANSWERED(Audience.RESIDENT, "已答复", "Answered"),
        CALLED_BACK(Audience.RESIDENT, "电话回访", "Called back"),
        REVIEWED(Audience.STAFF, "复查", "Re-inspected"),
        OPINION(Audience.STAFF, "办理意见", "Handling opinion"),
        /** The resident added a text or a photo to their open case (补充材料); never published. */
        ADDED(Audience.RESIDENT, "居民补充材料", "You added material"),
        /** The resident nudged their open case (催办), at most once a day. */
        NUDGED(Audience.RESIDENT, "居民催办", "You asked us to hurry"),
        TAKEN(Audience.STAFF, "我来办", "Taken"),
        ASSIGNED(Audience.STAFF, "分派承办人", "Assigned"),
        PASSED(Audience.STAFF, "转交同事", "Passed on"),
        TAGGED(Audience.STAFF, "标签", "Labels changed");

        private final Audience audience;
        private final org.minhu.reference.LocalizedText label;

        Kind(Audience audience, String zh, String en) {
            this.audience = audience;
            this.label = new org.minhu.reference.LocalizedText(zh, en);
        }

        public Audience audience() {
            return audience;
        }

        public boolean shownTo(Audience reader) {
            return audience.shownTo(reader);
        }

        public String label(String language) {
            return label.in(language);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(nullable = false, updatable = false)
    private Instant at;

    /** Who did it: the resident's phone, or the handling unit. */
    @Column(nullable = false, updatable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", updatable = false)
    private CaseState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", updatable = false)
    private CaseState toState;

    @Column(updatable = false)
    private String note;

    /** What the resident (and, for public kinds, anyone) may read of this entry; null when only its kind is shown. */
    @Column(name = "public_text", updatable = false)
    private String publicText;

    protected CaseEvent() {
    }

    CaseEvent(ServiceCase serviceCase, Instant at, String actor, Kind kind, CaseState fromState, String note) {
        this(serviceCase, at, actor, kind, fromState, note, null);
    }

    CaseEvent(ServiceCase serviceCase, Instant at, String actor, Kind kind, CaseState fromState, String note,
              String publicText) {
        this.publicText = publicText == null || publicText.isBlank() ? null : publicText.strip();
        this.caseId = serviceCase.getId();
        this.at = at;
        this.actor = actor;
        this.kind = kind;
        this.fromState = fromState;
        this.toState = serviceCase.getState();
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public Kind getKind() {
        return kind;
    }

    public CaseState getFromState() {
        return fromState;
    }

    public CaseState getToState() {
        return toState;
    }

    /** The staff's words: internal, shown in the console only. */
    public String getNote() {
        return note;
    }

    public String getPublicText() {
        return publicText;
    }
}
