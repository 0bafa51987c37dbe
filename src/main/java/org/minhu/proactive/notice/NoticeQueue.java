package org.minhu.proactive.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.minhu.carrier.outbound.BotMessage;
import org.minhu.carrier.outbound.Chip;
import org.minhu.carrier.outbox.Outbox;
import org.minhu.proactive.subscription.ResidentOptedOut;
import org.minhu.resident.Resident;
import org.minhu.messaging.WorkSignals;
import org.minhu.resident.ResidentRepository;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final ResidentRepository residents;
    private final Outbox outbox;
    private final Notices notices;
    private final Event<NoticesQueued> queuedEvent;
    private final WorkSignals signals;

    public NoticeQueue(EntityManager em, ResidentRepository residents, Outbox outbox, Notices notices,
                       Event<NoticesQueued> queuedEvent, WorkSignals signals) {
        this.em = em;
        this.residents = residents;
        this.outbox = outbox;
        this.notices = notices;
        this.queuedEvent = queuedEvent;
        this.signals = signals;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean sending() {
        return count("select count(*) from notice where state = 'SENDING'", null) > 0;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Load load(Instant startOfDay) {
        long backlog = count("select count(*) from outbound_message where status in ('PENDING', 'SENDING')", null);
        long today = count("select count(*) from notice_recipient where decided_at >= ?1 and state = 'QUEUED'", startOfDay);
        return new Load(backlog, today);
    }

    /**
     * Queues up to {@code max} recipients of notices that are SENDING, oldest first. The residents'
     * rows are locked before their 退订 is read, as a conversation turn locks its resident: a 退订
     * and a notice for the same resident never pass each other.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public Batch next(int max, Instant now) {
        // everything below is written in order by the statements themselves; entity changes can wait for the commit
        em.setFlushMode(FlushModeType.COMMIT);
        List<Object[]> rows = em.createNativeQuery("""
                        select r.id, r.notice_id, r.phone, r.own_case from notice_recipient r
                        join notice n on n.id = r.notice_id
                        where r.state = 'PENDING' and n.state = 'SENDING'
                        order by r.id""")
                .setMaxResults(max)
                .getResultList();
        if (rows.isEmpty()) {
            return new Batch(0, 0, 0);
        }
        List<String> phones = rows.stream().map(row -> (String) row[2]).distinct().toList();
        Map<String, Resident> locked = lockResidents(phones, now);
        Set<String> optedOut = new HashSet<>(em.createNativeQuery("select phone from notice_opt_out where phone in (:phones)")
                .setParameter("phones", phones)
                .getResultList());
        Set<Long> stillPending = new HashSet<>();
        for (Object id : em.createNativeQuery("select id from notice_recipient where id in (:ids) and state = 'PENDING' for update")
                .setParameter("ids", rows.stream().map(row -> ((Number) row[0]).longValue()).toList())
                .getResultList()) {
            stillPending.add(((Number) id).longValue());
        }
        Map<String, BotMessage> messages = new HashMap<>();
        Set<Long> touched = new LinkedHashSet<>();
        int queued = 0;
        int skipped = 0;
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            long noticeId = ((Number) row[1]).longValue();
            boolean own = Boolean.TRUE.equals(row[3]);
            if (!stillPending.contains(id)) {
                continue;
            }
            Resident resident = locked.get((String) row[2]);
            if (!own && optedOut.contains(resident.getPhone())) {
                em.createNativeQuery("""
                                update notice_recipient set state = 'SKIPPED', skip_reason = 'OPTED_OUT', decided_at = ?1
                                where id = ?2""")
                        .setParameter(1, now)
                        .setParameter(2, id)
                        .executeUpdate();
                skipped++;
                continue;
            }
            BotMessage message = messages.computeIfAbsent(noticeId + "|" + resident.getLanguage() + "|" + own,
                    key -> notices.message(notices.card(notices.find(noticeId)), resident.getLanguage(), own));
            String options = resident.getSmsOptions();
            Outbox.Queued sent = outbox.enqueue(resident, message, null, null);
            if (message.allChips().stream().noneMatch(Chip::answerable)) {
                // a notice with nothing to answer must not take away what a typed "1" means in the resident's conversation
                resident.rememberSmsOptions(options, now);
            }
            em.createNativeQuery("""
                            update notice_recipient set state = 'QUEUED', decided_at = ?1, outbound_id = ?2, message_id = ?3
                            where id = ?4""")
                    .setParameter(1, now)
                    .setParameter(2, sent.id())
                    .setParameter(3, sent.messageId())
                    .setParameter(4, id)
                    .executeUpdate();
            touched.add(noticeId);
            queued++;
        }
        if (queued > 0) {
            queuedEvent.fire(new NoticesQueued(touched, queued));
            // the same signal a turn raises: once this batch commits, every instance's sender drains
            signals.outboxHasWork();
        }
        return new Batch(rows.size(), queued, skipped);
    }

    /** The residents' rows, locked for this transaction, in id order; those never seen before are created first. */
    private Map<String, Resident> lockResidents(List<String> phones, Instant now) {
        Set<String> known = new HashSet<>(em.createQuery("select r.phone from Resident r where r.phone in :phones", String.class)
                .setParameter("phones", phones)
                .getResultList());
        for (String phone : phones) {
            if (!known.contains(phone)) {
                residents.ensureExists(phone, null, now);
            }
        }
        Map<String, Resident> locked = new HashMap<>();
        for (Resident resident : residents.find("phone in ?1 order by id", phones).withLock(LockModeType.PESSIMISTIC_WRITE).list()) {
            locked.put(resident.getPhone(), resident);
        }
        return locked;
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
