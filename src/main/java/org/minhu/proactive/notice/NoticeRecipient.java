package org.minhu.proactive.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One resident a notice is for. It changes state only by conditional updates from PENDING, so two
 * dispatchers (or one restarted) can never queue it twice: see {@link NoticeQueue}.
 */
@Entity
@Table(name = "notice_recipient")
public class NoticeRecipient {

    public enum State { PENDING, QUEUED, SKIPPED }

    public enum SkipReason {
        /** The resident said 退订 before their turn (or before their queued copy went out). */
        OPTED_OUT,
        /** Staff cancelled the notice first. */
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "notice_id", nullable = false)
    private Long noticeId;

    @Column(nullable = false)
    private String phone;

    @Column(name = "own_case", nullable = false)
    private boolean ownCase;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Enumerated(EnumType.STRING)
    @Column(name = "skip_reason")
    private SkipReason skipReason;

    @Column(name = "outbound_id")
    private Long outboundId;

    @Column(name = "message_id")
    private String messageId;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected NoticeRecipient() {
    }

    public Long getId() {
        return id;
    }

    public Long getNoticeId() {
        return noticeId;
    }

    public String getPhone() {
        return phone;
    }

    public boolean isOwnCase() {
        return ownCase;
    }

    public State getState() {
        return state;
    }

    public SkipReason getSkipReason() {
        return skipReason;
    }

    public Long getOutboundId() {
        return outboundId;
    }

    public String getMessageId() {
        return messageId;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
