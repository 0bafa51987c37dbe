package org.minhu.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import org.minhu.cases.CasePermissions;
import org.minhu.cases.Staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What open console pages should fetch again: cases that arrived or changed, new messages in a
 * conversation, the queue of live chats. It asks the database what is new every
 * {@code minhu.console.live-poll}, so it sees changes made by any instance, by the bot and by the
 * scheduler alike, and signals the pages; the pages then ask for the part that changed (htmx).
 */
@ApplicationScoped
@Named("live")
public class LiveEvents {

    public static final String CASES = "cases";
    public static final String CHATS = "chats";
    /** This person's notification centre has something new (the bell). */
    public static final String NOTIFICATIONS = "notifications";
    private static final int BATCH = 1000;
    private static final Duration LOOK_BACK = Duration.ofSeconds(30);
    private static final long ID_SLACK = 200;

    /**
     * A signal to the pages; {@code cases} limits it to those who may read one of the cases that
     * changed, by the one permission table (null: everyone), {@code user} to one person's pages
     * (null: anyone). A signal carries no case's content: the page that hears it fetches its part
     * again through the same checks.
     */
    public record Signal(String name, Set<CasePermissions.Parties> cases, String user) {

        public Signal(String name, Set<CasePermissions.Parties> cases) {
            this(name, cases, null);
        }

        boolean visibleTo(Staff who) {
            if (user != null && !user.equals(who.username())) {
                return false;
            }
            return cases == null || cases.stream().anyMatch(c -> CasePermissions.mayRead(who, c));
        }
    }

    private final BroadcastProcessor<Signal> signals = BroadcastProcessor.create();
    private final EntityManager em;
    private final Clock clock;
    private Map<Long, Instant> signalled;
    private final Set<Long> signalledInbound = new HashSet<>();
    private final Set<Long> signalledOutbound = new HashSet<>();
    private long lastInbound = -1;
    private long lastOutbound = -1;
    private long lastHandoff = -1;
    private long lastNotification = -1;
    private final Set<Long> signalledNotifications = new HashSet<>();
    private long openHandoffs = -1;

    public LiveEvents(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Pages listening now: with none, nothing is polled (a busy bot must not pay for an empty console). */
    private final java.util.concurrent.atomic.AtomicInteger listeners = new java.util.concurrent.atomic.AtomicInteger();

    public Multi<Signal> stream() {
        return signals.onSubscription().invoke(() -> listeners.incrementAndGet())
                .onTermination().invoke(() -> listeners.decrementAndGet());
    }

    /** The signal name for one resident's conversation, as the pages listen for it. */
    public String channel(String phone) {
        if (phone == null) {
            return "conversation-none";
        }
        List<Long> ids = em.createQuery("select r.id from Resident r where r.phone = :phone", Long.class)
                .setParameter("phone", phone).getResultList();
        return ids.isEmpty() ? "conversation-none" : "conversation-" + ids.get(0);
    }

    @Scheduled(every = "${minhu.console.live-poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s")
    void poll() {
        if (listeners.get() <= 0) {
            // only note where the conversations and the notifications stand (three reads of an index), so the first look after
            // a page opens signals what came since; cases and chats are noted afresh then
            signalled = null;
            lastHandoff = -1;
            QuarkusTransaction.requiringNew().run(() -> {
                lastInbound = top("select max(m.id) from InboundMessage m");
                lastOutbound = top("select max(o.id) from OutboundMessage o");
                lastNotification = topNotification();
            });
            return;
        }
        boolean afterIdle = signalled == null;
        QuarkusTransaction.requiringNew().run(this::look);
        if (afterIdle) {
            // what changed between the page's load and this first look is not known: have the open
            // pages fetch their lists once
            signals.onNext(new Signal(CASES, null));
            signals.onNext(new Signal(CHATS, null));
        }
    }

    private void look() {
        Instant now = clock.instant();
        // a change commits some time after it took its timestamp, so look back a while and remember
        // what was already signalled, rather than trusting a watermark
        List<Object[]> changed = em.createQuery("""
                        select c.id, c.updatedAt, c.units.unit, c.units.assistingUnits, c.units.grid from ServiceCase c
                        where c.updatedAt > :since order by c.updatedAt desc""", Object[].class)
                .setParameter("since", now.minus(LOOK_BACK)).setMaxResults(BATCH).getResultList();
        boolean first = signalled == null;
        Set<CasePermissions.Parties> cases = new HashSet<>();
        Map<Long, Instant> seen = new HashMap<>();
        for (Object[] row : changed) {
            Long id = (Long) row[0];
            Instant updated = (Instant) row[1];
            seen.put(id, updated);
            if (!first && !updated.equals(signalled.get(id))) {
                cases.add(new CasePermissions.Parties((String) row[2], (String) row[3], (String) row[4]));
            }
        }
        signalled = seen;
        if (!cases.isEmpty()) {
            signals.onNext(new Signal(CASES, cases));
        }

        Set<String> phones = new LinkedHashSet<>();
        lastInbound = newRows(em, "select m.id, m.phone from InboundMessage m where m.id > :last order by m.id",
                lastInbound, signalledInbound, phones, "select max(m.id) from InboundMessage m");
        lastOutbound = newRows(em, "select o.id, o.phone from OutboundMessage o where o.id > :last order by o.id",
                lastOutbound, signalledOutbound, phones, "select max(o.id) from OutboundMessage o");
        if (!phones.isEmpty()) {
            for (Object[] row : em.createQuery("select r.id, r.phone from Resident r where r.phone in :phones",
                    Object[].class).setParameter("phones", phones).getResultList()) {
                signals.onNext(new Signal("conversation-" + row[0], null));
            }
        }

        notifications();

        Long maxHandoff = em.createQuery("select coalesce(max(h.id), 0) from Handoff h", Long.class).getSingleResult();
        Long open = em.createQuery("select count(h) from Handoff h where h.closedAt is null", Long.class).getSingleResult();
        if ((maxHandoff != lastHandoff || open != openHandoffs || !phones.isEmpty()) && lastHandoff >= 0) {
            signals.onNext(new Signal(CHATS, null));
        }
        lastHandoff = maxHandoff;
        openHandoffs = open;
    }

    /**
     * New rows of the staff notification centre (written by the deadline check on any instance):
     * each recipient's pages fetch their bell again. Looks {@value #ID_SLACK} ids back, like the
     * messages, for rows that committed after a later one.
     */
    @SuppressWarnings("unchecked")
    private void notifications() {
        if (lastNotification < 0) {
            lastNotification = topNotification();
            return;
        }
        long seen = lastNotification;
        Set<String> recipients = new LinkedHashSet<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                        "select id, recipient from staff_notification where id > ?1 order by id")
                .setParameter(1, lastNotification - ID_SLACK).setMaxResults(BATCH).getResultList()) {
            long id = ((Number) row[0]).longValue();
            seen = Math.max(seen, id);
            if (signalledNotifications.add(id)) {
                recipients.add((String) row[1]);
            }
        }
        long floor = seen - ID_SLACK;
        signalledNotifications.removeIf(id -> id <= floor);
        lastNotification = seen;
        for (String recipient : recipients) {
            signals.onNext(new Signal(NOTIFICATIONS, null, recipient));
        }
    }

    private long topNotification() {
        Object top = em.createNativeQuery("select max(id) from staff_notification").getSingleResult();
        return top == null ? 0 : ((Number) top).longValue();
    }

    private long top(String max) {
        Long top = em.createQuery(max, Long.class).getSingleResult();
        return top == null ? 0 : top;
    }

    /**
     * Collects the phones of rows added since {@code last}, looking {@value #ID_SLACK} ids back for
     * rows that committed after a later one; the first look only notes where things stand.
     */
    private static long newRows(EntityManager em, String query, long last, Set<Long> signalledIds, Set<String> phones,
                                String max) {
        if (last < 0) {
            Long top = em.createQuery(max, Long.class).getSingleResult();
            return top == null ? 0 : top;
        }
        long seen = last;
        for (Object[] row : em.createQuery(query, Object[].class).setParameter("last", last - ID_SLACK)
                .setMaxResults(BATCH).getResultList()) {
            Long id = (Long) row[0];
            seen = Math.max(seen, id);
            if (signalledIds.add(id)) {
                phones.add((String) row[1]);
            }
        }
        long floor = seen - ID_SLACK;
        signalledIds.removeIf(id -> id <= floor);
        return seen;
    }
}
