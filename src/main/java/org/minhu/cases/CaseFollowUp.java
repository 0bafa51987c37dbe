package org.minhu.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;

/**
 * What came after the fix: the resident's rating (满意, 基本满意, 不满意) and the reminder to give one,
 * the 回访 (the resident called: what they said, when, by whom) and the 复查 (someone other than who
 * fixed it verified on site, with a photo, and whether it held). Its columns are the case's own
 * ({@code service_case}); with none of them set, Hibernate loads no value.
 */
@Embeddable
public class CaseFollowUp {

    @Enumerated(EnumType.STRING)
    @Column(name = "rating")
    private Rating rating;

    @Column(name = "rating_reason")
    private String ratingReason;

    @Column(name = "rating_reminded_at")
    private Instant ratingRemindedAt;

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

    public Rating getRating() {
        return rating;
    }

    public String getRatingReason() {
        return ratingReason;
    }

    public Instant getRatingRemindedAt() {
        return ratingRemindedAt;
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

    void rated(Rating rating, String reason) {
        this.rating = rating;
        this.ratingReason = reason;
    }

    void ratingReminded(Instant now) {
        this.ratingRemindedAt = now;
    }

    void calledBack(CallBackResult result, String by, Instant now) {
        this.callBackResult = result;
        this.calledBackAt = now;
        this.calledBackBy = by;
    }

    void reviewed(boolean passed, String by, String photo, Instant now) {
        this.reviewPassed = passed;
        this.reviewedAt = now;
        this.reviewedBy = by;
        this.reviewPhoto = photo;
    }
}
