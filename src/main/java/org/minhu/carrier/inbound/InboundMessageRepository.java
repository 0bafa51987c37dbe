package org.minhu.carrier.inbound;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class InboundMessageRepository implements PanacheRepository<InboundMessage> {

    /** What a turn reads of a message: everything but the raw push, which only staff open. */
    private static final String TURN_COLUMNS = """
            id, message_id, phone, conversation_id, contribution_id, in_reply_to, sent_at, received_at, kind,
            content_type, text, postback, display_text, by_number, latitude, longitude, place_label, file_url,
            file_name, file_type, file_size, media_path, media_error""";

    @Inject
    DataSource db;

    public boolean existsByMessageId(String messageId) {
        return count("messageId", messageId) > 0;
    }

    /**
     * The resident's oldest unhandled messages, at most {@code limit}, on the transaction's connection:
     * read for a turn, not kept by Hibernate (no entity to check at commit, no query to translate, no
     * raw push carried along); {@link #markProcessed} writes what the turn changed.
     */
    public List<InboundMessage> nextPending(String phone, int limit) {
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement("select " + TURN_COLUMNS
                     + " from inbound_message where phone = ? and processed_at is null order by id limit ?")) {
            select.setString(1, phone);
            select.setInt(2, limit);
            List<InboundMessage> pending = new ArrayList<>(limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pending.add(InboundMessage.forTurn(rows));
                }
            }
            return pending;
        } catch (SQLException e) {
            throw new IllegalStateException("pending messages of a resident not read", e);
        }
    }

    /** The message handled (and, typed as a number, read as the option it chose): one update. */
    public void markProcessed(InboundMessage message, Instant at) {
        message.processed(at);
        try (Connection c = db.getConnection();
             PreparedStatement update = c.prepareStatement("""
                     update inbound_message set processed_at = ?, kind = ?, display_text = ?, postback = ?, by_number = ?
                     where id = ?""")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, message.getKind().name());
            update.setString(3, message.getDisplayText());
            update.setString(4, message.getPostback());
            update.setBoolean(5, message.isByNumber());
            update.setLong(6, message.getId());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("message " + message.getId() + " not marked handled", e);
        }
    }

    /** Residents with messages stored but not yet handled, oldest first: what a restart must finish. */
    public List<String> phonesWithPending(Instant receivedBefore, int limit) {
        return getEntityManager().createQuery("""
                        select m.phone from InboundMessage m
                        where m.processedAt is null and m.receivedAt < :before
                        group by m.phone order by min(m.id)""", String.class)
                .setParameter("before", receivedBefore)
                .setMaxResults(limit)
                .getResultList();
    }

    public List<InboundMessage> forPhone(String phone) {
        return list("phone = ?1 order by id", phone);
    }
}
