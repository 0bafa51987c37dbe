package org.minhu.proactive.hotspot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.minhu.common.ProblemException;

import java.time.Instant;
import java.util.Set;

/**
 * A hot spot: new cases of one category close together in a short time (弱信号预警). One alert per
 * cluster; later cases near it join it rather than raise another.
 */
@Entity
@Table(name = "hotspot_alert")
public class HotspotAlert {

    public enum State {
        /** Raised, waiting for a supervisor. */
        OPEN,
        /** Made into one parent case; its cases, and those that join later, are linked to it. */
        MERGED,
        /** Dealt with; new cases nearby may start a new cluster. */
        CLOSED;

        public boolean active() {
            return this != CLOSED;
        }
    }

    static final Set<State> ACTIVE = Set.of(State.OPEN, State.MERGED);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String category;

    /** The middle of the cluster when it was raised; later cases join within the radius of it. */
    @Column(nullable = false)
    private double latitude;

    @Column(nullable = false)
    private double longitude;

    /** The dispatch rules' area (grid or community) the middle lies in, if any. */
    private String area;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "case_count", nullable = false)
    private int caseCount;

    @Column(name = "first_case_at", nullable = false)
    private Instant firstCaseAt;

    @Column(name = "last_case_at", nullable = false)
    private Instant lastCaseAt;

    @Column(name = "parent_case")
    private String parentCase;

    @Column(name = "notice_id")
    private Long noticeId;

    @Column(name = "handled_by")
    private String handledBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected HotspotAlert() {
    }

    HotspotAlert(String category, double latitude, double longitude, String area, int caseCount, Instant firstCaseAt,
                 Instant lastCaseAt, Instant now) {
        this.category = category;
        this.latitude = latitude;
        this.longitude = longitude;
        this.area = area;
        this.state = State.OPEN;
        this.caseCount = caseCount;
        this.firstCaseAt = firstCaseAt;
        this.lastCaseAt = lastCaseAt;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getCategory() {
        return category;
    }

    public double getLatitude() {
        return latitude;
    }

    public double getLongitude() {
        return longitude;
    }

    public String getArea() {
        return area;
    }

    public State getState() {
        return state;
    }

    public int getCaseCount() {
        return caseCount;
    }

    public Instant getFirstCaseAt() {
        return firstCaseAt;
    }

    public Instant getLastCaseAt() {
        return lastCaseAt;
    }

    public String getParentCase() {
        return parentCase;
    }

    public Long getNoticeId() {
        return noticeId;
    }

    public String getHandledBy() {
        return handledBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    void joined(Instant at) {
        caseCount++;
        if (at.isAfter(lastCaseAt)) {
            lastCaseAt = at;
        }
        updatedAt = at;
    }

    void merged(String parent, String actor, Instant now) {
        requireActive();
        parentCase = parent;
        state = State.MERGED;
        handledBy = actor;
        updatedAt = now;
    }

    void noticed(Long notice, String actor, Instant now) {
        requireActive();
        noticeId = notice;
        handledBy = actor;
        updatedAt = now;
    }

    void close(String actor, Instant now) {
        requireActive();
        state = State.CLOSED;
        handledBy = actor;
        updatedAt = now;
    }

    private void requireActive() {
        if (!state.active()) {
            throw ProblemException.conflict("hot spot " + id + " is closed");
        }
    }
}
