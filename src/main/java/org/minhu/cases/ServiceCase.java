package org.minhu.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
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

    @Column(nullable = false)
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
        return this.phone.equals(phone);
    }

    /** The handling unit says it is done (办结). */
    void resolve(Instant now) {
        if (!state.isOpen()) {
            throw new CaseStateException(number, state, "case " + number + " is " + state + " and cannot be resolved");
        }
        state = CaseState.RESOLVED;
        resolvedAt = now;
        updatedAt = now;
    }

    /** 满意 or 基本满意 closes the cycle; 不满意 goes through {@link #reopenAsPoorlyRated}. */
    void rate(Rating rating, String reason, Instant now) {
        if (rating == Rating.UNSATISFIED) {
            throw new IllegalArgumentException("an unsatisfied rating reopens the case");
        }
        requireResolved();
        this.rating = rating;
        this.ratingReason = reason;
        this.state = CaseState.RATED;
        this.updatedAt = now;
    }

    /**
     * 不满意: the case becomes a 差评件 and goes back to the unit to be fixed, with as long again
     * as it first had: the first deadline was spent on a fix that did not hold.
     */
    void reopenAsPoorlyRated(String reason, Instant now) {
        requireResolved();
        Duration allowed = Duration.between(createdAt, dueAt);
        this.rating = Rating.UNSATISFIED;
        this.ratingReason = reason;
        this.flagged = true;
        this.state = CaseState.IN_PROGRESS;
        this.resolvedAt = null;
        this.dueAt = now.plus(allowed);
        this.updatedAt = now;
    }

    private void requireResolved() {
        if (state != CaseState.RESOLVED) {
            throw new CaseStateException(number, state, "case " + number + " is " + state + "; only a resolved case can be rated");
        }
    }
}
