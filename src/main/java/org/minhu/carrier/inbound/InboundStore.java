package org.minhu.carrier.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.minhu.carrier.webhook.PushGuard;
import org.minhu.common.GroupCommit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Stores accepted pushes durably, once, before the platform is answered: three statements in one
 * transaction (the nonces, the residents on their first message, the messages; each a batch when
 * pushes are stored together), each an insert that inserts nothing when the row is there already, so
 * a replayed messageId is told apart without a read and two first pushes of one resident cannot both
 * create them.
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

    /** One push of the platform's and its nonce. */
    public record Arrival(InboundPush push, String nonce) {
    }

    @Transactional
    public Outcome store(InboundPush push, String nonce) {
        GroupCommit.Outcome<Outcome> outcome = storeAll(List.of(new Arrival(push, nonce))).get(0);
        if (outcome.error() != null) {
            throw outcome.error();
        }
        return outcome.value();
    }

    /**
     * Stores several pushes in one transaction (group commit): three batches whatever their number, and
     * each push answered on its own: stored, a duplicate of a messageId already stored (or stored
     * earlier in the group), or the refusal of a nonce seen before, which refuses that push alone.
     */
    @Transactional
    public List<GroupCommit.Outcome<Outcome>> storeAll(List<Arrival> arrivals) {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = db.getConnection()) {
            boolean[] fresh = guard.claimNonces(arrivals.stream().map(Arrival::nonce).toList());
            List<InboundPush> pushes = new ArrayList<>();
            for (int i = 0; i < arrivals.size(); i++) {
                if (fresh[i]) {
                    pushes.add(arrivals.get(i).push());
                }
            }
            int[] stored = new int[0];
            if (!pushes.isEmpty()) {
                try (PreparedStatement resident = c.prepareStatement("""
                        insert into resident (phone, capability, language, conversation_id, created_at, updated_at)
                        values (?, 'UNKNOWN', 'zh-CN', ?, ?, ?) on conflict do nothing""")) {
                    for (InboundPush push : pushes) {
                        resident.setString(1, push.phone());
                        resident.setString(2, push.conversationId() == null ? "c-" + UUID.randomUUID() : push.conversationId());
                        resident.setTimestamp(3, now);
                        resident.setTimestamp(4, now);
                        resident.addBatch();
                    }
                    resident.executeBatch();
                }
                try (PreparedStatement message = c.prepareStatement("""
                        insert into inbound_message (message_id, phone, conversation_id, contribution_id, in_reply_to, sent_at,
                            received_at, kind, content_type, text, postback, display_text, by_number, latitude, longitude,
                            place_label, file_url, file_name, file_type, file_size, raw)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
                    for (InboundPush push : pushes) {
                        bind(message, push, now);
                        message.addBatch();
                    }
                    stored = message.executeBatch();
                }
            }
            List<GroupCommit.Outcome<Outcome>> outcomes = new ArrayList<>(arrivals.size());
            int next = 0;
            for (int i = 0; i < arrivals.size(); i++) {
                if (!fresh[i]) {
                    outcomes.add(GroupCommit.Outcome.failed(guard.replay()));
                } else {
                    outcomes.add(GroupCommit.Outcome.of(stored[next++] != 0 ? Outcome.STORED : Outcome.DUPLICATE));
                }
            }
            return outcomes;
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException("storing the push failed", e);
        }
    }

    private static void bind(PreparedStatement message, InboundPush push, Timestamp now) throws SQLException {
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
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }
}
