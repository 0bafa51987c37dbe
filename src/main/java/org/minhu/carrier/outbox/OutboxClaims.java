package org.minhu.carrier.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.carrier.CarrierConfig;
import org.minhu.common.Databases;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which messages the sender ({@link OutboxSender}) takes next, and the lease it takes them with: plain
 * JDBC on the transaction's connection, two statements whatever the number (the due heads with what
 * the body needs, and one batch of conditional updates).
 */
@ApplicationScoped
public class OutboxClaims {

    /** The statuses of a message still to be handed to the platform. */
    static final String WAITING = "('PENDING','SENDING')";
    /**
     * One lane of due heads: {@code %2$d} its number, {@code %3$s} which messages it holds. A head is its
     * phone's oldest waiting message, asked as a correlated {@code min}: on PostgreSQL that is always
     * one lookup in {@code outbound_waiting_phone} by the head's phone, where the {@code not exists} it
     * replaced was planned, whenever the statistics had been taken with few messages waiting, as a scan
     * of every waiting message for each head (db/postgresql/V101).
     */
    private static final String LANE = """
            select %2$d as lane, o.id, o.message_id, o.phone, o.conversation_id, o.contribution_id, o.in_reply_to,
                   o.message_list, o.sms_content, r.capability
            from outbound_message o left join resident r on r.phone = o.phone
            where o.status in %1$s and %3$s
              and o.id = (select min(e.id) from outbound_message e where e.phone = o.phone and e.status in %1$s)
              and case when o.status = 'PENDING' then o.next_attempt_at <= ? else o.lease_until < ? end
            order by o.id limit ?""";
    /** Due heads that are not bulk, then bulk ones (a notice's): see {@link #claim(int, int, Instant)}. */
    private static final String CLAIM = "select * from ((" + LANE.formatted(WAITING, 0, "not o.bulk") + ") union all ("
            + LANE.formatted(WAITING, 1, "o.bulk") + ")) due order by lane, id";

    private final DataSource db;
    private final CarrierConfig config;
    private volatile Boolean postgres;

    public OutboxClaims(DataSource db, CarrierConfig config) {
        this.db = db;
        this.config = config;
    }

    /** A message claimed for sending, with what its body needs. */
    public record Claimed(long id, String messageId, String phone, String conversationId, String contributionId,
                          String inReplyTo, String messageList, String smsContent, OutboundMessage.SentAs sentAs, boolean bulk) {
    }

    /**
     * Claims up to {@code limit} due heads as of {@code now}, of them at most {@code bulkLimit} bulk:
     * heads that are not bulk first (replies, case updates, console messages), then a notice's; each
     * lane oldest first. Only a resident's oldest waiting message is ever a head, so their own
     * messages keep their order whichever lane they are in. One statement, each lane an index scan
     * that stops at its limit.
     */
    List<Claimed> claim(int limit, int bulkLimit, Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Claimed> due = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            if (onPostgres(c)) {
                // the waiting messages are few, their index entries many until VACUUM (see
                // db/postgresql/V70): only a plain index scan marks the dead ones as it passes, a
                // bitmap scan visits them all again on every claim, and a table the planner has no
                // statistics of yet (autovacuum slow or off) looks small enough to read whole
                try (Statement set = c.createStatement()) {
                    set.execute("set local enable_bitmapscan = off; set local enable_seqscan = off");
                }
            }
            try (PreparedStatement select = c.prepareStatement(CLAIM)) {
                for (int first : new int[] {1, 4}) {
                    select.setTimestamp(first, at);
                    select.setTimestamp(first + 1, at);
                    select.setInt(first + 2, first == 1 ? limit : Math.max(0, Math.min(limit, bulkLimit)));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (due.size() < limit && rows.next()) {
                        String capability = rows.getString(10);
                        OutboundMessage.SentAs sentAs = capability == null ? OutboundMessage.SentAs.RICH_WITH_SMS
                                : switch (capability) {
                                    case "SMS_ONLY" -> OutboundMessage.SentAs.SMS_TEXT;
                                    case "RICH" -> OutboundMessage.SentAs.RICH_ONLY;
                                    default -> OutboundMessage.SentAs.RICH_WITH_SMS;
                                };
                        due.add(new Claimed(rows.getLong(2), rows.getString(3), rows.getString(4), rows.getString(5),
                                rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9), sentAs,
                                rows.getInt(1) == 1));
                    }
                }
            }
            if (due.isEmpty()) {
                return due;
            }
            // another instance may have claimed some since the select: only the rows this update changed are ours
            try (PreparedStatement update = c.prepareStatement("""
                    update outbound_message set status = 'SENDING', lease_until = ?, sent_as = ?, attempts = attempts + 1
                    where id = ? and ((status = 'PENDING' and next_attempt_at <= ?) or (status = 'SENDING' and lease_until < ?))""")) {
                Timestamp lease = Timestamp.from(now.plus(config.send().lease()));
                for (Claimed message : due) {
                    update.setTimestamp(1, lease);
                    update.setString(2, message.sentAs().name());
                    update.setLong(3, message.id());
                    update.setTimestamp(4, at);
                    update.setTimestamp(5, at);
                    update.addBatch();
                }
                int[] counts = update.executeBatch();
                List<Claimed> ours = new ArrayList<>(due.size());
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 0) {
                        ours.add(due.get(i));
                    }
                }
                return ours;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("claiming due messages failed", e);
        }
    }

    private boolean onPostgres(Connection c) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = Databases.postgres(c);
            postgres = known;
        }
        return known;
    }
}
