package org.minhu.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/**
 * What the resident did about their case after filing it (issue 17): how often they nudged it (催办)
 * and when they last added a text or a photo (补充材料). Its columns are the case's own
 * ({@code service_case}).
 */
@Embeddable
public class ResidentActivity {

    /** How many days the resident nudged the case (催办); the inbox and the case page show it. */
    @Column(name = "nudges", nullable = false)
    private int nudges;

    @Column(name = "nudged_at")
    private Instant nudgedAt;

    /** When the resident last added a text or a photo (补充材料). */
    @Column(name = "added_at")
    private Instant addedAt;

    public int getNudges() {
        return nudges;
    }

    public Instant getNudgedAt() {
        return nudgedAt;
    }

    public Instant getAddedAt() {
        return addedAt;
    }

    void added(Instant now) {
        addedAt = now;
    }

    void nudged(Instant now) {
        nudges++;
        nudgedAt = now;
    }
}
