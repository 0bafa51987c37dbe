package org.minhu.proactive.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.minhu.carrier.outbox.Outbox;
import org.minhu.conversation.subscription.ResidentOptedOut;
import org.minhu.messaging.WorkSignals;
import org.minhu.outbound.BotMessage;
import org.minhu.outbound.Chip;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Moves notice recipients into the outbox, a batch per transaction. A recipient leaves PENDING in
 * the same transaction that writes their outbox message, and only if their row, locked first, is
 * still PENDING: a crash rolls both back (they are queued on the next run), and no recipient can be
 * queued twice, by a restarted dispatcher or by another instance.
 */
@ApplicationScoped
public class NoticeQueue {

    /** What one batch did: recipients looked at, queued, skipped because they left. */
    public record Batch(int examined, int queued, int skipped) {
    }

    /** What limits the next batches: messages waiting in the outbox, and notices queued today. */
    public record Load(long backlog, long queuedToday) {
    }

    private final EntityManager em;
    private final DataSource db;
    private final Outbox outbox;
    private final Notices notices;
    private final Event<NoticesQueued> queuedEvent;
    private final WorkSignals signals;

    public NoticeQueue(EntityManager em, DataSource db, Outbox outbox, Notices notices,
                       Event<NoticesQueued> queuedEvent, WorkSignals signals) {
        this.em = em;
        this.db = db;
        this.outbox = outbox;
        this.notices = notices;
        this.queuedEvent = queuedEvent;
        this.signals = signals;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean sending() {
        return count("select count(*) from notice where state = 'SENDING'", null) > 0;
    }

    /**
     * @param dueBy      waiting messages due later than this are not counted: none is, but for a clock
     *                   set back (a retry is never put off longer than the longest back-off), and such a
     *                   message would otherwise hold every notice back until its time came
     * @param startOfDay where "today" starts, or null when no daily quota applies: then today's count,
     *                   which grows with every notice of the day, is not read (0)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Load load(Instant dueBy, Instant startOfDay) {
        long backlog = count("""
                select count(*) from outbound_message
                where status in ('PENDING', 'SENDING') and (status = 'SENDING' or next_attempt_at <= ?1)""", dueBy);
        long today = startOfDay == null ? 0
                : count("select count(*) from notice_recipient where decided_at >= ?1 and state = 'QUEUED'", startOfDay);
        return new Load(backlog, today);
    }

    /**
     * The next recipients of notices being sent, oldest first, at most {@code ?}. On PostgreSQL it reads
     * the partial index of the waiting ones (db/postgresql/V102); public for the test that checks the plan
     * on PostgreSQL (NoticeRecipientsPlanIT).
     */
    public static final String NEXT_RECIPIENTS = """
            select r.id, r.notice_id, r.phone, r.own_case from notice_recipient r
            join notice n on n.id = r.notice_id
            where r.state = 'PENDING' and n.state = 'SENDING'
            order by r.id
            limit ?""";

    /**
     * Queues up to {@code max} recipients of notices that are SENDING, oldest first. The residents'
     * rows are locked before their 退订 is read, as a conversation turn locks its resident: a 退订
     * and a notice for the same resident never pass each other. A batch costs the same handful of
     * statements whatever its size (JDBC batches on the transaction's connection, no entities): the
     * pace of a notice is the carrier's quota, not one statement's round trip per resident.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Batch next(int max, Instant now) {
        try (Connection c = db.getConnection()) {
            List<Recipient> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(NEXT_RECIPIENTS)) {
                select.setInt(1, max);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Recipient(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4)));
                    }
                }
            }
            if (rows.isEmpty()) {
                return new Batch(0, 0, 0);
            }
            List<String> phones = rows.stream().map(Recipient::phone).distinct().toList();
            Map<String, Addressed> locked = lockResidents(c, phones, now);
            Set<String> optedOut = new HashSet<>(strings(c, "select phone from notice_opt_out where phone in (" + marks(phones.size()) + ")", phones));
            Set<Long> stillPending = new HashSet<>(longs(c, "select id from notice_recipient where id in ("
                    + marks(rows.size()) + ") and state = 'PENDING' for update", rows.stream().map(Recipient::id).toList()));
            Map<String, List<Recipient>> groups = new LinkedHashMap<>();
            List<Long> skippedIds = new ArrayList<>();
            for (Recipient row : rows) {
                if (!stillPending.contains(row.id())) {
                    continue;
                }
                if (!row.ownCase() && optedOut.contains(row.phone())) {
                    skippedIds.add(row.id());
                    continue;
                }
                groups.computeIfAbsent(row.noticeId() + "|" + locked.get(row.phone()).language() + "|" + row.ownCase(),
                        key -> new ArrayList<>()).add(row);
            }
            Map<Long, NoticeCard> cards = new HashMap<>();
            Set<Long> touched = new LinkedHashSet<>();
            int queued = 0;
            try (PreparedStatement mark = c.prepareStatement("""
                    update notice_recipient set state = 'QUEUED', decided_at = ?, outbound_id = ?, message_id = ?
                    where id = ?""")) {
                for (List<Recipient> group : groups.values()) {
                    Recipient first = group.get(0);
                    String language = locked.get(first.phone()).language();
                    BotMessage message = notices.message(cards.computeIfAbsent(first.noticeId(), id -> notices.card(notices.find(id))),
                            language, first.ownCase());
                    // a notice with nothing to answer must not take away what a typed "1" means in the resident's conversation
                    boolean answerable = message.allChips().stream().anyMatch(Chip::answerable);
                    List<Outbox.Queued> sent = outbox.enqueueAll(
                            group.stream().map(r -> locked.get(r.phone()).addressee()).toList(), message, language, answerable);
                    for (int i = 0; i < group.size(); i++) {
                        mark.setTimestamp(1, Timestamp.from(now));
                        mark.setLong(2, sent.get(i).id());
                        mark.setString(3, sent.get(i).messageId());
                        mark.setLong(4, group.get(i).id());
                        mark.addBatch();
                    }
                    touched.add(first.noticeId());
                    queued += group.size();
                }
                if (queued > 0) {
                    mark.executeBatch();
                }
            }
            if (!skippedIds.isEmpty()) {
                try (PreparedStatement skip = c.prepareStatement("""
                        update notice_recipient set state = 'SKIPPED', skip_reason = 'OPTED_OUT', decided_at = ? where id = ?""")) {
                    for (long id : skippedIds) {
                        skip.setTimestamp(1, Timestamp.from(now));
                        skip.setLong(2, id);
                        skip.addBatch();
                    }
                    skip.executeBatch();
                }
            }
            if (queued > 0) {
                queuedEvent.fire(new NoticesQueued(touched, queued));
                // the same signal a turn raises: once this batch commits, every instance's sender drains
                signals.outboxHasWork();
            }
            return new Batch(rows.size(), queued, skippedIds.size());
        } catch (SQLException e) {
            throw new PersistenceException("queueing notice recipients failed", e);
        }
    }

    private record Recipient(long id, long noticeId, String phone, boolean ownCase) {
    }

    /** A resident's row as a notice needs it, locked. */
    private record Addressed(Outbox.Addressee addressee, String language) {
    }

    /** The residents' rows, locked for this transaction, in id order; those never seen before are created first. */
    private Map<String, Addressed> lockResidents(Connection c, List<String> phones, Instant now) throws SQLException {
        Set<String> known = new HashSet<>(strings(c, "select phone from resident where phone in (" + marks(phones.size()) + ")", phones));
        List<String> unknown = phones.stream().filter(phone -> !known.contains(phone)).toList();
        if (!unknown.isEmpty()) {
            // as ResidentRepository.ensureExists, for many at once; a resident a turn creates meanwhile is left alone
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into resident (phone, capability, language, conversation_id, created_at, updated_at)
                    select ?, 'UNKNOWN', 'zh-CN', ?, ?, ? where not exists (select 1 from resident where phone = ?)""")) {
                for (String phone : unknown) {
                    insert.setString(1, phone);
                    insert.setString(2, "c-" + UUID.randomUUID());
                    insert.setTimestamp(3, Timestamp.from(now));
                    insert.setTimestamp(4, Timestamp.from(now));
                    insert.setString(5, phone);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        Map<String, Addressed> locked = new HashMap<>();
        try (PreparedStatement lock = c.prepareStatement("select id, phone, conversation_id, language from resident where phone in ("
                + marks(phones.size()) + ") order by id for update")) {
            for (int i = 0; i < phones.size(); i++) {
                lock.setString(i + 1, phones.get(i));
            }
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    locked.put(rs.getString(2), new Addressed(
                            new Outbox.Addressee(rs.getLong(1), rs.getString(2), rs.getString(3)), rs.getString(4)));
                }
            }
        }
        return locked;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static List<String> strings(Connection c, String sql, List<String> parameters) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    private static List<Long> longs(Connection c, String sql, List<Long> parameters) throws SQLException {
        List<Long> found = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setLong(i + 1, parameters.get(i));
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
        }
        return found;
    }

    /** Notices with no one left to queue are done. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int finish(Instant now) {
        return em.createNativeQuery("""
                        update notice set state = 'DONE', finished_at = ?1
                        where state = 'SENDING'
                          and not exists (select 1 from notice_recipient r where r.notice_id = notice.id and r.state = 'PENDING')""")
                .setParameter(1, now)
                .executeUpdate();
    }

    /**
     * 退订 withdraws the resident's notices that are queued but not yet handed to the platform
     * (marked REVOKED, so the sender passes them by); notices about their own case stay.
     */
    @SuppressWarnings("unchecked")
    void withdraw(@Observes ResidentOptedOut out) {
        List<Object[]> waiting = em.createNativeQuery("""
                        select r.id, r.outbound_id from notice_recipient r join outbound_message o on o.id = r.outbound_id
                        where r.phone = ?1 and r.state = 'QUEUED' and r.own_case = false and o.status = 'PENDING'""")
                .setParameter(1, out.phone())
                .getResultList();
        for (Object[] row : waiting) {
            int withdrawn = em.createNativeQuery("""
                            update outbound_message set status = 'REVOKED', status_at = ?1,
                                   last_error = 'withdrawn: the resident left notices (退订)'
                            where id = ?2 and status = 'PENDING'""")
                    .setParameter(1, out.at())
                    .setParameter(2, ((Number) row[1]).longValue())
                    .executeUpdate();
            if (withdrawn == 1) {
                update("update notice_recipient set state = 'SKIPPED', skip_reason = 'OPTED_OUT', decided_at = ?1 where id = ?2",
                        out.at(), ((Number) row[0]).longValue());
            }
        }
    }

    private int update(String sql, Instant now, long id) {
        return em.createNativeQuery(sql).setParameter(1, now).setParameter(2, id).executeUpdate();
    }

    private long count(String sql, Object parameter) {
        var query = em.createNativeQuery(sql);
        if (parameter != null) {
            query.setParameter(1, parameter);
        }
        return ((Number) query.getSingleResult()).longValue();
    }
}
