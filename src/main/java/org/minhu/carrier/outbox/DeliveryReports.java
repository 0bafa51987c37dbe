package org.minhu.carrier.outbox;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.minhu.carrier.webhook.PushGuard;
import org.minhu.common.GroupCommit.Outcome;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
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

    private static final int READ_AT_ONCE = 1000;

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

    /** One push of the platform's: its reports and its nonce. */
    public record Push(List<Report> reports, String nonce) {
    }

    /** Returns whether a plain-text copy was queued, so the caller can wake the sender. */
    @Transactional
    public boolean apply(List<Report> reports, String nonce) {
        Outcome<Boolean> outcome = applyAll(List.of(new Push(reports, nonce))).get(0);
        if (outcome.error() != null) {
            throw outcome.error();
        }
        return outcome.value();
    }

    /**
     * Applies several pushes in one transaction (group commit), answering each: whether it queued a
     * plain-text copy, or the refusal of a replayed nonce, which refuses that push alone. Costs one
     * statement for the nonces, one read per thousand messages named, one batch per status reached,
     * and a statement per thing learnt about a phone, whatever the number of pushes.
     */
    @Transactional
    public List<Outcome<Boolean>> applyAll(List<Push> pushes) {
        Instant now = clock.instant();
        List<Outcome<Boolean>> outcomes = new ArrayList<>(pushes.size());
        try (Connection c = db.getConnection()) {
            boolean[] fresh = guard.claimNonces(pushes.stream().map(Push::nonce).toList());
            List<Report> all = new ArrayList<>();
            for (int i = 0; i < pushes.size(); i++) {
                if (fresh[i]) {
                    all.addAll(pushes.get(i).reports());
                }
            }
            Map<String, Known> known = read(c, all);
            // what each report would move, decided in order over what was read, then written a batch per
            // status in the order statuses follow one another, each update still conditional on the row
            List<Move> moves = new ArrayList<>();
            Map<OutboundStatus, PreparedStatement> updates = new EnumMap<>(OutboundStatus.class);
            Map<OutboundStatus, Integer> batched = new EnumMap<>(OutboundStatus.class);
            Timestamp at = Timestamp.from(now);
            try {
                for (int i = 0; i < pushes.size(); i++) {
                    if (!fresh[i]) {
                        continue;
                    }
                    for (Report report : pushes.get(i).reports()) {
                        OutboundStatus status = OutboundStatus.fromReport(report.status());
                        Known message = known.get(report.messageId());
                        if (message == null || status == null || status == OutboundStatus.FAILED) {
                            keep(c, report, now);
                        }
                        if (message == null || status == null) {
                            Log.debugf("delivery report %s for %s changes nothing", report.status(), report.messageId());
                            continue;
                        }
                        if (BECOME.get(status).isEmpty() || !message.status().canBecome(status)) {
                            continue;
                        }
                        PreparedStatement update = updates.computeIfAbsent(status, s -> prepare(c, s));
                        update.setString(1, status.name());
                        update.setTimestamp(2, at);
                        update.setLong(3, message.id());
                        update.addBatch();
                        moves.add(new Move(i, message, status, report.errorCode(), batched.merge(status, 1, Integer::sum) - 1));
                        known.put(report.messageId(), new Known(message.id(), message.phone(), message.sentAs(), status));
                    }
                }
                Map<OutboundStatus, int[]> counts = new EnumMap<>(OutboundStatus.class);
                // an EnumMap iterates in the order statuses follow one another
                updates.forEach((status, update) -> counts.put(status, executeBatch(update)));
                boolean[] queued = new boolean[pushes.size()];
                for (Move move : moves) {
                    if (counts.get(move.status())[move.index()] == 0) {
                        continue; // the row had moved on meanwhile: this report changes nothing
                    }
                    queued[move.push()] |= learn(c, move.message(), move.status(), move.errorCode(), now);
                }
                for (int i = 0; i < pushes.size(); i++) {
                    outcomes.add(fresh[i] ? Outcome.of(queued[i])
                            : Outcome.failed(guard.replay()));
                }
            } finally {
                for (PreparedStatement update : updates.values()) {
                    update.close();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("applying delivery reports failed", e);
        }
        return outcomes;
    }

    /** A report's planned change: the push it came in, the message, its new status, and its place in that status's batch. */
    private record Move(int push, Known message, OutboundStatus status, Integer errorCode, int index) {
    }

    private static int[] executeBatch(PreparedStatement update) {
        try {
            return update.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("applying delivery reports failed", e);
        }
    }

    private static PreparedStatement prepare(Connection c, OutboundStatus status) {
        try {
            return c.prepareStatement("update outbound_message set status = ?, status_at = ?, lease_until = null"
                    + " where id = ? and status in (" + BECOME.get(status) + ")");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Known> read(Connection c, List<Report> reports) throws SQLException {
        List<String> all = reports.stream().map(Report::messageId).distinct().toList();
        Map<String, Known> known = new HashMap<>();
        for (int from = 0; from < all.size(); from += READ_AT_ONCE) {
            List<String> ids = all.subList(from, Math.min(all.size(), from + READ_AT_ONCE));
            String marks = ids.stream().map(id -> "?").collect(Collectors.joining(","));
            try (PreparedStatement select = c.prepareStatement(
                    // locked, in id order, before any is written: recording the platform's answers takes the
                    // same rows in the same order (OutboxSender.record), so the two cannot deadlock
                    "select message_id, id, phone, sent_as, status from outbound_message where message_id in (" + marks
                            + ") order by id for update")) {
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
        }
        return known;
    }

    /** Learnt from a delivered or displayed rich message: one conditional update that writes nothing when known. */
    private static void learnRich(Connection c, String phone, long evidence, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                update resident set capability = 'RICH', capability_evidence = ?, updated_at = ?
                where phone = ? and capability <> 'RICH' and (capability_evidence is null or capability_evidence <= ?)""")) {
            update.setLong(1, evidence);
            update.setTimestamp(2, Timestamp.from(now));
            update.setString(3, phone);
            update.setLong(4, evidence);
            update.executeUpdate();
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
    private boolean learn(Connection c, Known message, OutboundStatus status, Integer errorCode, Instant now) throws SQLException {
        boolean rich = message.sentAs() != OutboundMessage.SentAs.SMS_TEXT;
        switch (status) {
            case DELIVERED, DISPLAYED -> {
                boolean firstSign = message.status() != OutboundStatus.DELIVERED && message.status() != OutboundStatus.DISPLAYED;
                if (rich && firstSign) {
                    learnRich(c, message.phone(), message.id(), now);
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
