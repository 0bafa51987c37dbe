package org.minhu.conversation.flows;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A phone that meets the flows' drafts over the real channel. */
@Entity
@Table(name = "flow_test_number")
public class FlowTestNumber {

    @Id
    private String phone;

    @Column(name = "added_by", nullable = false)
    private String addedBy;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected FlowTestNumber() {
    }

    FlowTestNumber(String phone, String addedBy, Instant addedAt) {
        this.phone = phone;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    public String getPhone() {
        return phone;
    }

    /** As staff type it: 13800138000. */
    public String getNumber() {
        return phone.startsWith("tel:+86") ? phone.substring(7) : phone;
    }

    public String getAddedBy() {
        return addedBy;
    }

    public Instant getAddedAt() {
        return addedAt;
    }
}
