package org.minhu.conversation.flows;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A flow's checked but unpublished edit: the preview and the test numbers see it. */
@Entity
@Table(name = "flow_draft")
public class FlowDraft {

    @Id
    @Column(name = "flow_id")
    private String flowId;

    @Column(nullable = false)
    private String content;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected FlowDraft() {
    }

    FlowDraft(String flowId, String content, String updatedBy, Instant updatedAt) {
        this.flowId = flowId;
        change(content, updatedBy, updatedAt);
    }

    void change(String content, String updatedBy, Instant updatedAt) {
        this.content = content;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    public String getFlowId() {
        return flowId;
    }

    public String getContent() {
        return content;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
