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

    public enum Kind {
        FILED, FOLLOWED, DISPATCHED, ACCEPTED, STARTED, RESOLVED, RATED, RETURNED, TRANSFERRED, REOPENED, ARCHIVED,
        EXTENSION_REQUESTED, EXTENSION_APPROVED, EXTENSION_REJECTED, PAUSED, RESUMED, REMINDED, ESCALATED, LINKED,
        NOTE, REPLIED, CLASSIFIED, DECLINED, ANSWERED, CALLED_BACK, REVIEWED
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

    protected CaseEvent() {
    }

    CaseEvent(ServiceCase serviceCase, Instant at, String actor, Kind kind, CaseState fromState, String note) {
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

    public String getNote() {
        return note;
    }
}
