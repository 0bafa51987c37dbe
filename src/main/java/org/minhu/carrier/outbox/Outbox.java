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
        String messageId = UUID.randomUUID().toString();
        long id;
        try (Connection c = db.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     insert into outbound_message (message_id, phone, conversation_id, contribution_id, in_reply_to,
                         message_list, sms_content, status, attempts, next_attempt_at, created_at, cause_inbound_id)
                     values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)""", new String[] {"id"})) {
            Timestamp at = Timestamp.from(now);
            insert.setString(1, messageId);
            insert.setString(2, resident.getPhone());
            insert.setString(3, resident.getConversationId());
            insert.setString(4, "k-" + UUID.randomUUID());
            insert.setString(5, inReplyTo);
            insert.setString(6, PlatformRenderer.render(message).toString());
            insert.setString(7, sms.text());
            insert.setTimestamp(8, at);
            insert.setTimestamp(9, at);
            if (causeInboundId == null) {
                insert.setNull(10, Types.BIGINT);
            } else {
                insert.setLong(10, causeInboundId);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new PersistenceException("queueing a message failed", e);
        }
        try {
            resident.rememberSmsOptions(sms.options().isEmpty() ? null : json.writeValueAsString(sms.options()), now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("options are plain records", e);
        }
        return new Queued(id, messageId);
    }

    /** A plain-text copy of a rich message the phone could not show. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueFallback(OutboundMessage original) {
        if (repository.hasFallbackFor(original.getId())) {
            return;
        }
        repository.persist(new OutboundMessage(original.getPhone(), original.getConversationId(),
                original.getInReplyTo(), PlatformRenderer.plainText(original.getSmsContent()).toString(),
                original.getSmsContent(), original.getCauseInboundId(), original.getId(), clock.instant()));
    }
}
