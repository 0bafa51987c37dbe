package org.minhu.conversation.flows;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One published version of a conversation flow; never changed once written. */
@Entity
@Table(name = "flow_version")
public class FlowVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "flow_id", nullable = false)
    private String flowId;

    @Column(nullable = false)
    private int version;

    /** Null: the shipped file is in use again from this version on. */
    private String content;

    private String note;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected FlowVersion() {
    }

    FlowVersion(String flowId, int version, String content, String note, String updatedBy, Instant updatedAt) {
        this.flowId = flowId;
        this.version = version;
        this.content = content;
        this.note = note;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    public String getFlowId() {
        return flowId;
    }

    public int getVersion() {
        return version;
    }

    public String getContent() {
        return content;
    }

    public String getNote() {
        return note;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public boolean isShipped() {
        return content == null;
    }
}
