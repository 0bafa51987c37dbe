package org.minhu.carrier.outbox;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.minhu.carrier.webhook.PushGuard;
import org.minhu.resident.Resident;
import org.minhu.resident.ResidentRepository;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies the platform's delivery reports. They also teach us what a phone can show: delivered or
 * displayed means 5G Messages work; deliveredToNetwork, or failed with errorCode 2 on a message sent
 * without fallback, means it cannot, and such a message is sent again as plain text.
 *
 * <p>Three reports come for every message, so a report costs what it must: the messages it names are
 * read in one statement, and each report is one conditional update that moves the status only
 * forward (a late "delivered" after "displayed" changes nothing and writes nothing). The resident is
 * written only when a report teaches something new. {@code delivery_event} keeps the reports a person
 * may need to look at: failures, and reports that name no message of ours or no known status.
 */
@ApplicationScoped
public class DeliveryReports {

    static final int NOT_A_5G_TERMINAL = 2;

    public record Report(String messageId, String status, String dateTime, Integer errorCode, String errorMessage) {
    }

    /** For each status, the statuses a report may move a message from, as an SQL list: written once, not per report. */
    private static final Map<OutboundStatus, String> BECOME = Arrays.stream(OutboundStatus.values()).collect(Collectors.toMap(
            next -> next, next -> Arrays.stream(OutboundStatus.values()).filter(s -> s.canBecome(next))
                    .map(s -> "'" + s.name() + "'").collect(Collectors.joining(","))));

    private record Known(long id, String phone, OutboundMessage.SentAs sentAs, OutboundStatus status) {
    }

    private final DataSource db;
    private final OutboxRepository outbox;
    private final Outbox queue;
    private final ResidentRepository residents;
    private final PushGuard guard;
    private final Clock clock;

    public DeliveryReports(DataSource db, OutboxRepository outbox, Outbox queue, ResidentRepository residents,
                           PushGuard guard, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.queue = queue;
        this.residents = residents;
        this.guard = guard;
        this.clock = clock;
    }

    /** Returns whether a plain-text copy was queued, so the caller can wake the sender. */
    @Transactional
    public boolean apply(List<Report> reports, String nonce) {
        guard.claimNonce(nonce);
        Instant now = clock.instant();
        boolean queued = false;
        try (Connection c = db.getConnection()) {
            Map<String, Known> known = read(c, reports);
            for (Report report : reports) {
                OutboundStatus status = OutboundStatus.fromReport(report.status());
                Known message = known.get(report.messageId());
                if (message == null || status == null || status == OutboundStatus.FAILED) {
                    keep(c, report, now);
                }
                if (message == null || status == null) {
                    Log.debugf("delivery report %s for %s changes nothing", report.status(), report.messageId());
                    continue;
                }
                if (!advance(c, message, status, now)) {
                    continue;
                }
                known.put(report.messageId(), new Known(message.id(), message.phone(), message.sentAs(), status));
                queued |= learn(message, status, report.errorCode(), now);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("applying delivery reports failed", e);
        }
        return queued;
    }

    private static Map<String, Known> read(Connection c, List<Report> reports) throws SQLException {
        List<String> ids = reports.stream().map(Report::messageId).distinct().toList();
        Map<String, Known> known = new HashMap<>();
        String marks = ids.stream().map(id -> "?").collect(Collectors.joining(","));
        try (PreparedStatement select = c.prepareStatement(
                "select message_id, id, phone, sent_as, status from outbound_message where message_id in (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String sentAs = rows.getString(4);
                    known.put(rows.getString(1), new Known(rows.getLong(2), rows.getString(3),
                            sentAs == null ? null : OutboundMessage.SentAs.valueOf(sentAs),
                            OutboundStatus.valueOf(rows.getString(5))));
                }
            }
        }
        return known;
    }

    /**
     * Moves the message to {@code status} if its status (as committed, whatever was read) may become
     * it: a report racing the sender's record of the platform's answer, or another report, cannot
     * move it backwards.
     */
    private static boolean advance(Connection c, Known message, OutboundStatus status, Instant now) throws SQLException {
        String from = BECOME.get(status);
        if (from.isEmpty() || !message.status().canBecome(status)) {
            return false;
        }
        try (PreparedStatement update = c.prepareStatement(
                "update outbound_message set status = ?, status_at = ?, lease_until = null where id = ? and status in (" + from + ")")) {
            update.setString(1, status.name());
            update.setTimestamp(2, Timestamp.from(now));
            update.setLong(3, message.id());
            return update.executeUpdate() == 1;
        }
    }

    private static void keep(Connection c, Report report, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into delivery_event (message_id, status, error_code, error_text, reported_at, received_at)
                values (?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, report.messageId());
            insert.setString(2, report.status());
            if (report.errorCode() == null) {
                insert.setNull(3, java.sql.Types.INTEGER);
            } else {
                insert.setInt(3, report.errorCode());
            }
            insert.setString(4, report.errorMessage());
            insert.setString(5, report.dateTime());
            insert.setTimestamp(6, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    /**
     * Most reports only confirm what we know. A phone is learnt to show 5G messages once per message
     * (the first of delivered and displayed to arrive), in one conditional update that writes nothing
     * when it is known already; only a report that says otherwise loads the resident.
     */
    private boolean learn(Known message, OutboundStatus status, Integer errorCode, Instant now) {
        boolean rich = message.sentAs() != OutboundMessage.SentAs.SMS_TEXT;
        switch (status) {
            case DELIVERED, DISPLAYED -> {
                boolean firstSign = message.status() != OutboundStatus.DELIVERED && message.status() != OutboundStatus.DISPLAYED;
                if (rich && firstSign) {
                    residents.learnRich(message.phone(), message.id(), now);
                }
            }
            case DELIVERED_TO_NETWORK -> residents.findByPhone(message.phone())
                    .ifPresent(r -> r.learnCapability(Resident.Capability.SMS_ONLY, message.id(), now));
            case FAILED -> {
                if (errorCode != null && errorCode == NOT_A_5G_TERMINAL
                        && message.sentAs() == OutboundMessage.SentAs.RICH_ONLY) {
                    Resident resident = residents.findByPhone(message.phone()).orElse(null);
                    if (resident == null) {
                        return false;
                    }
                    resident.learnCapability(Resident.Capability.SMS_ONLY, message.id(), now);
                    queue.enqueueFallback(outbox.findById(message.id()));
                    return true;
                }
            }
            default -> {
            }
        }
        return false;
    }
}
