package org.minhu.carrier.outbox;

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
 * A bot message in the outbox. It is written in the same transaction as the change that caused
 * it and keeps its {@code messageId} through every retry, so the platform sees one message.
 */
// only changed columns are written: the row is updated again after insert (processed, sent, reports), and the raw JSON need not go back each time
@org.hibernate.annotations.DynamicUpdate
@Entity
@Table(name = "outbound_message")
public class OutboundMessage {

    /** How a message went out: rich with an SMS fallback, rich only, or as plain SMS text. */
    public enum SentAs { RICH_WITH_SMS, RICH_ONLY, SMS_TEXT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_id", nullable = false, unique = true)
    private String messageId;

    @Column(nullable = false)
    private String phone;

    @Column(name = "conversation_id", nullable = false)
    private String conversationId;

    @Column(name = "contribution_id", nullable = false)
    private String contributionId;

    @Column(name = "in_reply_to")
    private String inReplyTo;

    /** The platform's {@code messageList}, rendered when the message was written. */
    @Column(name = "message_list", nullable = false)
    private String messageList;

    @Column(name = "sms_content", nullable = false)
    private String smsContent;

    @Enumerated(EnumType.STRING)
    @Column(name = "sent_as")
    private SentAs sentAs;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OutboundStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "status_at")
    private Instant statusAt;

    /** The rich message this plain-text copy replaces, for a phone that turned out not to show 5G Messages. */
    @Column(name = "fallback_of", unique = true)
    private Long fallbackOf;

    @Column(name = "cause_inbound_id")
    private Long causeInboundId;

    /** Queued for many residents at once (a notice): sent after every waiting message that is not. */
    @Column(nullable = false)
    private boolean bulk;

    protected OutboundMessage() {
    }

    public Long getId() {
        return id;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getPhone() {
        return phone;
    }

    public String getConversationId() {
        return conversationId;
    }

    public String getContributionId() {
        return contributionId;
    }

    public String getInReplyTo() {
        return inReplyTo;
    }

    public String getMessageList() {
        return messageList;
    }

    public String getSmsContent() {
        return smsContent;
    }

    public SentAs getSentAs() {
        return sentAs;
    }

    public OutboundStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Long getFallbackOf() {
        return fallbackOf;
    }

    public Long getCauseInboundId() {
        return causeInboundId;
    }

    public boolean isBulk() {
        return bulk;
    }
}
