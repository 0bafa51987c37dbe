package org.minhu.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.minhu.common.ProblemException;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Labels (标签): admins define, rename, recolour and remove them; staff put them on cases and take
 * them off through {@link CaseLifecycle#perform} ({@link CaseAction#TAG}, {@link CaseAction#UNTAG}),
 * so the permission table decides and the history keeps who did it.
 */
@ApplicationScoped
@Transactional
public class CaseTags {

    public static final int MAX_NAME = 16;

    private final EntityManager em;
    private final Clock clock;

    public CaseTags(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Every label, by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseTag> all() {
        return em.createQuery("select t from CaseTag t order by t.name", CaseTag.class).getResultList();
    }

    /** The label, or 400 (in Chinese) for one that does not exist (any more). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseTag require(Long id) {
        CaseTag tag = id == null ? null : em.find(CaseTag.class, id);
        if (tag == null) {
            throw ProblemException.badRequest("tag", "请选择一个标签");
        }
        return tag;
    }

    /** The label of that name, if there is one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<CaseTag> named(String name) {
        return em.createQuery("select t from CaseTag t where t.name = :name", CaseTag.class)
                .setParameter("name", name == null ? "" : name.strip()).getResultStream().findFirst();
    }

    public CaseTag create(String name, String colour) {
        String n = name(name);
        String c = colour(colour);
        requireFree(n, null);
        CaseTag tag = new CaseTag(n, c, clock.instant());
        em.persist(tag);
        return tag;
    }

    /** A new name or colour; the cases it is on keep it. */
    public CaseTag change(Long id, String name, String colour) {
        CaseTag tag = require(id);
        String n = name(name);
        requireFree(n, tag.getId());
        tag.change(n, colour(colour));
        return tag;
    }

    /** The label is gone, and with it from every case it was on. */
    public void remove(Long id) {
        CaseTag tag = require(id);
        em.createQuery("delete from CaseTagging t where t.tagId = :tag").setParameter("tag", tag.getId()).executeUpdate();
        em.remove(tag);
    }

    /** Puts the label on the case; false if it was there already. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean put(ServiceCase c, CaseTag tag, String actor) {
        return em.createNativeQuery("""
                        insert into case_tagging (case_id, tag_id, tagged_by, tagged_at)
                        values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .setParameter(1, c.getId()).setParameter(2, tag.getId()).setParameter(3, actor)
                .setParameter(4, clock.instant()).executeUpdate() == 1;
    }

    /** Takes the label off the case; false if it was not there. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean takeOff(ServiceCase c, CaseTag tag) {
        return em.createQuery("delete from CaseTagging t where t.caseId = :c and t.tagId = :tag")
                .setParameter("c", c.getId()).setParameter("tag", tag.getId()).executeUpdate() > 0;
    }

    /** The labels on these cases (one query for a page of the inbox), by case id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<CaseTag>> on(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createQuery("""
                        select g.caseId, t from CaseTagging g, CaseTag t
                        where g.tagId = t.id and g.caseId in :ids order by t.name""", Object[].class)
                .setParameter("ids", caseIds).getResultList();
        Map<Long, List<CaseTag>> byCase = new HashMap<>();
        for (Object[] row : rows) {
            byCase.computeIfAbsent((Long) row[0], k -> new java.util.ArrayList<>()).add((CaseTag) row[1]);
        }
        return byCase;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseTag> on(ServiceCase c) {
        return on(List.of(c.getId())).getOrDefault(c.getId(), List.of());
    }

    private void requireFree(String name, Long except) {
        boolean taken = em.createQuery("select t.id from CaseTag t where t.name = :name", Long.class)
                .setParameter("name", name).getResultList().stream().anyMatch(id -> !id.equals(except));
        if (taken) {
            throw ProblemException.conflict("已有名为「" + name + "」的标签");
        }
    }

    private static String name(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw ProblemException.badRequest("name", "标签名称须为 1–" + MAX_NAME + " 个字");
        }
        return n;
    }

    private static String colour(String colour) {
        String c = colour == null ? "" : colour.strip().toLowerCase(Locale.ROOT);
        if (!c.matches("#[0-9a-f]{6}")) {
            throw ProblemException.badRequest("colour", "颜色须为 #RRGGBB 形式，如 #1f6feb");
        }
        return c;
    }
}
