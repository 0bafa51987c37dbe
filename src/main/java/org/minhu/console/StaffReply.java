package org.minhu.console;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Marks an outbound message as written by a person in the console, not by the bot. */
@Entity
@Table(name = "staff_reply")
public class StaffReply {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "outbound_id", nullable = false, unique = true)
    private Long outboundId;

    @Column(nullable = false)
    private String phone;

    @Column(name = "case_id")
    private Long caseId;

    @Column(nullable = false)
    private String staff;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StaffReply() {
    }

    StaffReply(Long outboundId, String phone, Long caseId, String staff, Instant createdAt) {
        this.outboundId = outboundId;
        this.phone = phone;
        this.caseId = caseId;
        this.staff = staff;
        this.createdAt = createdAt;
    }

    public Long getOutboundId() {
        return outboundId;
    }

    public String getStaff() {
        return staff;
    }

    public Long getCaseId() {
        return caseId;
    }
}
