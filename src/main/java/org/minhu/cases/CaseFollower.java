package org.minhu.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A resident who follows someone else's case instead of reporting the same problem again. */
@Entity
@Table(name = "case_follower")
public class CaseFollower {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(nullable = false)
    private String phone;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CaseFollower() {
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getPhone() {
        return phone;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
