package org.minhu.proactive.hotspot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A case in a hot spot's cluster; a case is in one at most. */
@Entity
@Table(name = "hotspot_case")
public class HotspotCase {

    @Id
    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "alert_id", nullable = false)
    private Long alertId;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    protected HotspotCase() {
    }

    public Long getCaseId() {
        return caseId;
    }

    public Long getAlertId() {
        return alertId;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }
}
