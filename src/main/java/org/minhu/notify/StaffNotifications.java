package org.minhu.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.minhu.carrier.outbox.Outbox;
import org.minhu.cases.CasesConfig;
import org.minhu.cases.Chase;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.UnitHierarchy;
import org.minhu.common.SqlValues;
import org.minhu.messaging.WorkSignals;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The staff notification centre: each deadline step the check takes ({@link Chase}) becomes one
 * stored notification per person concerned (the bell in the console, {@code /console/notifications}),
 * and for a person with a phone number the same text as a message through the outbox. A row is
 * inserted only if the same (case, kind, person, deadline) is absent, so overlapping runs and two
 * instances never notify or text anyone twice; the message goes out only with a row that was new.
 */
@ApplicationScoped
public class StaffNotifications {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    /** One notification as the list shows it. */
    /** {@code report}: about a report rather than a case; {@code caseNumber} then names the report. */
    public record Entry(long id, String caseNumber, String title, String text, Instant createdAt, boolean read,
                        boolean report) {
    }

    /** Who is told: their name and, if they gave one, their phone. */
    record Person(String username, String phone) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final WorkSignals signals;
    private final CasesConfig config;
    private final Clock clock;
    private final UnitHierarchy hierarchy;

    public StaffNotifications(EntityManager em, Outbox outbox, WorkSignals signals, CasesConfig config, Clock clock,
                              UnitHierarchy hierarchy) {
        this.hierarchy = hierarchy;
        this.em = em;
        this.outbox = outbox;
        this.signals = signals;
        this.config = config;
        this.clock = clock;
    }

    /** Inside the check's transaction for the locked case: the rows and the messages commit with its step. */
    void chased(@Observes Chase chase) {
        ServiceCase c = chase.serviceCase();
        Chase.Kind kind = chase.kind();
        String text = kind.text(c.getNumber(), WHEN.format(chase.deadline().atZone(config.zone())));
        Instant now = clock.instant();
        boolean texted = false;
        for (Person person : recipients(c, kind)) {
            int inserted = em.createNativeQuery("""
                            insert into staff_notification (recipient, case_id, case_number, kind, deadline_at, text, created_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing""")
                    .setParameter(1, person.username()).setParameter(2, c.getId()).setParameter(3, c.getNumber())
                    .setParameter(4, kind.name()).setParameter(5, Timestamp.from(chase.deadline()))
                    .setParameter(6, text).setParameter(7, Timestamp.from(now))
                    .executeUpdate();
            if (inserted == 1 && person.phone() != null && !person.phone().isBlank()) {
                outbox.enqueueStaffText(person.phone().strip(), "【民呼" + kind.title() + "】" + text);
                texted = true;
            }
        }
        if (texted) {
            signals.outboxHasWork();
        }
    }

    /**
     * Tells every active supervisor of a report once (the bell, no message): {@code name} is what the
     * list shows and, with the kind and {@code day}, what keys it; {@code link} is the page it opens.
     *
     * @return whether anyone was told now (false when it was told before)
     */
    @Transactional
    public boolean report(ReportKind kind, String name, Instant day, String link, String text) {
        Instant now = clock.instant();
        int inserted = 0;
        for (Person person : people("role = 'SUPERVISOR'", null)) {
            inserted += em.createNativeQuery("""
                            insert into staff_notification (recipient, case_number, kind, deadline_at, text, created_at, link)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing""")
                    .setParameter(1, person.username()).setParameter(2, name).setParameter(3, kind.name())
                    .setParameter(4, Timestamp.from(day)).setParameter(5, text).setParameter(6, Timestamp.from(now))
                    .setParameter(7, link)
                    .executeUpdate();
        }
        return inserted > 0;
    }

    /** Whether a report was told already (to anyone): the morning's check then need not compute it again. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean reported(ReportKind kind, Instant day) {
        return ((Number) em.createNativeQuery(
                        "select count(*) from staff_notification where kind = ?1 and deadline_at = ?2 and case_id is null")
                .setParameter(1, kind.name()).setParameter(2, Timestamp.from(day)).getSingleResult()).longValue() > 0;
    }

    /**
     * The people a step is for — its audience, and the heads of the units above the case's unit as far
     * as the step climbs ({@link Chase.Kind#unitsUp}) — once each, active accounts only, read from the
     * (small) staff table by unit or role.
     */
    List<Person> recipients(ServiceCase c, Chase.Kind kind) {
        List<Person> people = new ArrayList<>(recipients(c, kind.audience()));
        List<String> above = hierarchy.chain(c.getUnit());
        for (String unit : above.subList(Math.min(1, above.size()), Math.min(above.size(), kind.unitsUp() + 1))) {
            for (Person head : people("unit_head = true and unit = ?1", unit)) {
                if (people.stream().noneMatch(p -> p.username().equals(head.username()))) {
                    people.add(head);
                }
            }
        }
        return people;
    }

    private List<Person> recipients(ServiceCase c, Chase.Audience audience) {
        return switch (audience) {
            case UNIT_HANDLERS -> people("role = 'HANDLER' and unit = ?1", c.getUnit());
            case OWNER -> {
                List<Person> owner = c.getOwner() == null ? List.of() : people("username = ?1", c.getOwner());
                yield owner.isEmpty() ? people("role = 'HANDLER' and unit = ?1", c.getUnit()) : owner;
            }
            case UNIT_HEAD -> {
                List<Person> heads = people("unit_head = true and unit = ?1", c.getUnit());
                yield heads.isEmpty() ? people("role = 'SUPERVISOR'", null) : heads;
            }
            case SUPERVISORS -> people("role = 'SUPERVISOR'", null);
        };
    }

    @SuppressWarnings("unchecked")
    private List<Person> people(String where, String value) {
        var query = em.createNativeQuery("select username, mobile from staff_user where active = true and " + where
                + " order by username");
        if (value != null) {
            query.setParameter(1, value);
        }
        List<Person> people = new ArrayList<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            people.add(new Person((String) row[0], (String) row[1]));
        }
        return people;
    }

    /** The bell's number: this person's unread notifications. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long unread(String username) {
        return ((Number) em.createNativeQuery(
                        "select count(*) from staff_notification where recipient = ?1 and read_at is null")
                .setParameter(1, username).getSingleResult()).longValue();
    }

    /** This person's newest notifications, read or not. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Entry> latest(String username, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                        select id, case_number, kind, text, created_at, read_at, link from staff_notification
                        where recipient = ?1 order by id desc""")
                .setParameter(1, username).setMaxResults(limit).getResultList();
        List<Entry> entries = new ArrayList<>();
        for (Object[] row : rows) {
            String kind = (String) row[2];
            String title = java.util.Arrays.stream(Chase.Kind.values()).filter(k -> k.name().equals(kind))
                    .map(Chase.Kind::title).findFirst()
                    .or(() -> java.util.Arrays.stream(ReportKind.values()).filter(k -> k.name().equals(kind))
                            .map(ReportKind::title).findFirst())
                    .orElse("提醒");
            entries.add(new Entry(((Number) row[0]).longValue(), (String) row[1], title, (String) row[3],
                    SqlValues.instant(row[4]), row[5] != null, row[6] != null));
        }
        return entries;
    }

    /** Marks one of this person's notifications read and gives the page it opens; empty when it is not theirs. */
    @Transactional
    public java.util.Optional<String> open(String username, long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("select case_number, link from staff_notification where id = ?1 and recipient = ?2")
                .setParameter(1, id).setParameter(2, username).getResultList();
        if (found.isEmpty()) {
            return java.util.Optional.empty();
        }
        em.createNativeQuery("update staff_notification set read_at = ?1 where id = ?2 and read_at is null")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, id).executeUpdate();
        Object[] row = found.get(0);
        return java.util.Optional.of(row[1] != null ? (String) row[1]
                : "/console/cases/" + java.net.URLEncoder.encode((String) row[0], java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Marks all of this person's notifications read. */
    @Transactional
    public int readAll(String username) {
        return em.createNativeQuery("update staff_notification set read_at = ?1 where recipient = ?2 and read_at is null")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, username).executeUpdate();
    }
}
