package org.minhu.carrier.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.minhu.carrier.outbound.BotMessage;
import org.minhu.carrier.outbound.PlatformRenderer;
import org.minhu.carrier.outbound.SmsRendering;
import org.minhu.carrier.outbound.SmsRenderer;
import org.minhu.resident.Resident;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Writes bot messages to the outbox, inside the caller's transaction. The sender takes it from there. */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final DataSource db;
    private final ObjectMapper json;
    private final Clock clock;

    public Outbox(OutboxRepository repository, DataSource db, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /** What {@link #enqueue} wrote: the row's id and the messageId the platform will know it by. */
    public record Queued(long id, String messageId) {
    }

    /**
     * Queues a message for a resident. Its numbered options (or none) become what a typed number
     * means in the resident's next message. One insert on the transaction's own connection, without
     * the entity: a turn writes its replies this way, and nothing reads them back in the transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Queued enqueue(Resident resident, BotMessage message, String inReplyTo, Long causeInboundId) {
        Instant now = clock.instant();
        SmsRendering sms = SmsRenderer.render(message, resident.getLanguage());
        Queued queued = insert(resident.getPhone(), resident.getConversationId(), inReplyTo,
                PlatformRenderer.render(message).toString(), sms.text(), causeInboundId, null, now);
        try {
            resident.rememberSmsOptions(sms.options().isEmpty() ? null : json.writeValueAsString(sms.options()), now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("options are plain records", e);
        }
        return queued;
    }

    /**
     * A plain text to a member of staff (a deadline reminder): no resident and no conversation of
     * theirs, so the message is its own conversation and carries no options.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Queued enqueueStaffText(String phone, String text) {
        return insert(phone, "staff-" + UUID.randomUUID(), null, PlatformRenderer.plainText(text).toString(), text,
                null, null, clock.instant());
    }

    /** A plain-text copy of a rich message the phone could not show. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueFallback(OutboundMessage original) {
        if (repository.hasFallbackFor(original.getId())) {
            return;
        }
        insert(original.getPhone(), original.getConversationId(), original.getInReplyTo(),
                PlatformRenderer.plainText(original.getSmsContent()).toString(), original.getSmsContent(),
                original.getCauseInboundId(), original.getId(), clock.instant());
    }

    /** The one way a message enters the outbox: PENDING, due now, with a messageId of its own. */
    private Queued insert(String phone, String conversationId, String inReplyTo, String messageList, String smsContent,
                          Long causeInboundId, Long fallbackOf, Instant now) {
        String messageId = UUID.randomUUID().toString();
        try (Connection c = db.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     insert into outbound_message (message_id, phone, conversation_id, contribution_id, in_reply_to,
                         message_list, sms_content, status, attempts, next_attempt_at, created_at, cause_inbound_id,
                         fallback_of)
                     values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)""", new String[] {"id"})) {
            Timestamp at = Timestamp.from(now);
            insert.setString(1, messageId);
            insert.setString(2, phone);
            insert.setString(3, conversationId);
            insert.setString(4, "k-" + UUID.randomUUID());
            insert.setString(5, inReplyTo);
            insert.setString(6, messageList);
            insert.setString(7, smsContent);
            insert.setTimestamp(8, at);
            insert.setTimestamp(9, at);
            setLong(insert, 10, causeInboundId);
            setLong(insert, 11, fallbackOf);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Queued(keys.getLong(1), messageId);
            }
        } catch (SQLException e) {
            throw new PersistenceException("queueing a message failed", e);
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
