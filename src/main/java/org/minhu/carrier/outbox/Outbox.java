package org.minhu.carrier.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.minhu.carrier.outbound.PlatformRenderer;
import org.minhu.outbound.BotMessage;
import org.minhu.outbound.SmsRenderer;
import org.minhu.outbound.SmsRendering;
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
import java.util.ArrayList;
import java.util.List;
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
     * Queues a message for a resident (a case card, a staff reply): as {@link #enqueueAll} with one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Queued enqueue(Resident resident, BotMessage message, String inReplyTo, Long causeInboundId) {
        return enqueueAll(resident, List.of(message), inReplyTo, causeInboundId).get(0);
    }

    /**
     * Queues messages for a resident (a turn's replies), in order, in one insert or batch on the
     * transaction's own connection, without entities: nothing reads them back in the transaction. The
     * last one's numbered options (or none) become what a typed number means in the resident's next message.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Queued> enqueueAll(Resident resident, List<BotMessage> messages, String inReplyTo, Long causeInboundId) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Row> rows = new ArrayList<>(messages.size());
        SmsRendering sms = null;
        for (BotMessage message : messages) {
            sms = SmsRenderer.render(message, resident.getLanguage());
            rows.add(new Row(resident.getPhone(), resident.getConversationId(), inReplyTo,
                    PlatformRenderer.render(message).toString(), sms.text(), causeInboundId, null, false));
        }
        List<Queued> queued = insert(rows, now);
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
                null, null, false, clock.instant());
    }

    /** A plain-text copy of a rich message the phone could not show; bulk when the original was. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueFallback(OutboundMessage original) {
        if (repository.hasFallbackFor(original.getId())) {
            return;
        }
        insert(original.getPhone(), original.getConversationId(), original.getInReplyTo(),
                PlatformRenderer.plainText(original.getSmsContent()).toString(), original.getSmsContent(),
                original.getCauseInboundId(), original.getId(), original.isBulk(), clock.instant());
    }

    /** A resident as a batch of messages needs them: no entity. */
    public record Addressee(long residentId, String phone, String conversationId) {
    }

    /**
     * Queues one message for many residents (a notice): rendered once, written in one JDBC batch, and
     * bulk, so the sender takes every waiting message that is not bulk before these.
     * With {@code rememberOptions} its numbered options (or none) become what a typed number means in
     * each resident's next message, as {@link #enqueue} does (one batched update); without, what a
     * typed number meant stays as it was and the residents' rows are not written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Queued> enqueueAll(List<Addressee> to, BotMessage message, String language, boolean rememberOptions) {
        if (to.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        SmsRendering sms = SmsRenderer.render(message, language);
        String messageList = PlatformRenderer.render(message).toString();
        List<Row> rows = to.stream()
                .map(a -> new Row(a.phone(), a.conversationId(), null, messageList, sms.text(), null, null, true))
                .toList();
        List<Queued> queued = insert(rows, now);
        if (rememberOptions) {
            try (Connection c = db.getConnection();
                 PreparedStatement update = c.prepareStatement("update resident set sms_options = ?, updated_at = ? where id = ?")) {
                String options = sms.options().isEmpty() ? null : json.writeValueAsString(sms.options());
                for (Addressee a : to) {
                    update.setString(1, options);
                    update.setTimestamp(2, Timestamp.from(now));
                    update.setLong(3, a.residentId());
                    update.addBatch();
                }
                update.executeBatch();
            } catch (SQLException e) {
                throw new PersistenceException("remembering the residents' options failed", e);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("options are plain records", e);
            }
        }
        return queued;
    }

    /** One outbox row to write. */
    private record Row(String phone, String conversationId, String inReplyTo, String messageList, String smsContent,
                       Long causeInboundId, Long fallbackOf, boolean bulk) {
    }

    private Queued insert(String phone, String conversationId, String inReplyTo, String messageList, String smsContent,
                          Long causeInboundId, Long fallbackOf, boolean bulk, Instant now) {
        return insert(List.of(new Row(phone, conversationId, inReplyTo, messageList, smsContent, causeInboundId, fallbackOf,
                bulk)), now).get(0);
    }

    /** The one way messages enter the outbox: PENDING, due now, each with a messageId of its own; one statement or one batch. */
    private List<Queued> insert(List<Row> rows, Instant now) {
        try (Connection c = db.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     insert into outbound_message (message_id, phone, conversation_id, contribution_id, in_reply_to,
                         message_list, sms_content, status, attempts, next_attempt_at, created_at, cause_inbound_id,
                         fallback_of, bulk)
                     values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?, ?)""", new String[] {"id"})) {
            Timestamp at = Timestamp.from(now);
            List<String> messageIds = new ArrayList<>(rows.size());
            for (Row row : rows) {
                String messageId = UUID.randomUUID().toString();
                messageIds.add(messageId);
                insert.setString(1, messageId);
                insert.setString(2, row.phone());
                insert.setString(3, row.conversationId());
                insert.setString(4, "k-" + UUID.randomUUID());
                insert.setString(5, row.inReplyTo());
                insert.setString(6, row.messageList());
                insert.setString(7, row.smsContent());
                insert.setTimestamp(8, at);
                insert.setTimestamp(9, at);
                setLong(insert, 10, row.causeInboundId());
                setLong(insert, 11, row.fallbackOf());
                insert.setBoolean(12, row.bulk());
                if (rows.size() > 1) {
                    insert.addBatch();
                }
            }
            if (rows.size() > 1) {
                insert.executeBatch();
            } else {
                insert.executeUpdate();
            }
            List<Queued> queued = new ArrayList<>(rows.size());
            try (ResultSet keys = insert.getGeneratedKeys()) {
                for (String messageId : messageIds) {
                    if (!keys.next()) {
                        throw new PersistenceException("the database returned fewer ids than rows inserted");
                    }
                    queued.add(new Queued(keys.getLong(1), messageId));
                }
            }
            return queued;
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
