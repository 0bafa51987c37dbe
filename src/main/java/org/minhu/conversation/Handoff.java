package org.minhu.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A conversation waiting for, or being handled by, a person in the console. */
@Entity
@Table(name = "handoff")
public class Handoff {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String phone;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    private String reason;

    @Column(name = "taken_by")
    private String takenBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected Handoff() {
    }

    public Handoff(String phone, String reason, Instant requestedAt) {
        this.phone = phone;
        this.reason = reason;
        this.requestedAt = requestedAt;
    }

    public Long getId() {
        return id;
    }

    public String getPhone() {
        return phone;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getReason() {
        return reason;
    }

    public String getTakenBy() {
        return takenBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public void close(Instant at) {
        this.closedAt = at;
    }
}
