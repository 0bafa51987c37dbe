package org.minhu.carrier.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.minhu.carrier.webhook.PushGuard;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.UUID;

/**
 * Stores an accepted push durably, once, before the platform is answered: three statements in one
 * transaction (the nonce, the resident on their first message, the message), each an insert that
 * inserts nothing when the row is there already, so a replayed messageId is told apart without a
 * read and two first pushes of one resident cannot both create them.
 */
@ApplicationScoped
public class InboundStore {

    public enum Outcome { STORED, DUPLICATE }

    private final DataSource db;
    private final PushGuard guard;
    private final Clock clock;

    public InboundStore(DataSource db, PushGuard guard, Clock clock) {
        this.db = db;
        this.guard = guard;
        this.clock = clock;
    }

    @Transactional
    public Outcome store(InboundPush push, String nonce) {
        guard.claimNonce(nonce);
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = db.getConnection()) {
            try (PreparedStatement resident = c.prepareStatement("""
                    insert into resident (phone, capability, language, conversation_id, created_at, updated_at)
                    values (?, 'UNKNOWN', 'zh-CN', ?, ?, ?) on conflict do nothing""")) {
                resident.setString(1, push.phone());
                resident.setString(2, push.conversationId() == null ? "c-" + UUID.randomUUID() : push.conversationId());
                resident.setTimestamp(3, now);
                resident.setTimestamp(4, now);
                resident.executeUpdate();
            }
            try (PreparedStatement message = c.prepareStatement("""
                    insert into inbound_message (message_id, phone, conversation_id, contribution_id, in_reply_to, sent_at,
                        received_at, kind, content_type, text, postback, display_text, by_number, latitude, longitude,
                        place_label, file_url, file_name, file_type, file_size, raw)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
                InboundPush.FileRef file = push.file();
                message.setString(1, push.messageId());
                message.setString(2, push.phone());
                message.setString(3, push.conversationId());
                message.setString(4, push.contributionId());
                message.setString(5, push.inReplyTo());
                message.setString(6, push.dateTime());
                message.setTimestamp(7, now);
                message.setString(8, push.kind().name());
                message.setString(9, push.contentType());
                message.setString(10, InboundMessage.storable(push.text()));
                message.setString(11, InboundMessage.storable(push.postback()));
                message.setString(12, InboundMessage.storable(push.displayText()));
                setDouble(message, 13, push.latitude());
                setDouble(message, 14, push.longitude());
                message.setString(15, InboundMessage.storable(push.placeLabel()));
                message.setString(16, file == null ? null : file.url());
                message.setString(17, file == null ? null : InboundMessage.storable(file.fileName()));
                message.setString(18, file == null ? null : file.contentType());
                if (file == null || file.fileSize() == null) {
                    message.setNull(19, Types.BIGINT);
                } else {
                    message.setLong(19, file.fileSize());
                }
                message.setString(20, InboundMessage.storable(push.raw()));
                return message.executeUpdate() == 1 ? Outcome.STORED : Outcome.DUPLICATE;
            }
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException("storing the push failed", e);
        }
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }
}
