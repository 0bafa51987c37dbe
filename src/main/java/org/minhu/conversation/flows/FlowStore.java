package org.minhu.conversation.flows;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored versions, drafts and test numbers of the conversation flows. Its own transactions
 * (joining a caller's), as flows are read while beans start and from a scheduled check.
 */
@ApplicationScoped
@Transactional
public class FlowStore {

    private EntityManager em() {
        return Panache.getEntityManager();
    }

    public Optional<FlowVersion> latest(String flowId) {
        return em().createQuery("from FlowVersion where flowId = ?1 order by version desc", FlowVersion.class)
                .setParameter(1, flowId).setMaxResults(1).getResultStream().findFirst();
    }

    public Optional<FlowVersion> find(String flowId, int version) {
        return em().createQuery("from FlowVersion where flowId = ?1 and version = ?2", FlowVersion.class)
                .setParameter(1, flowId).setParameter(2, version).getResultStream().findFirst();
    }

    /** The latest versions first. */
    public List<FlowVersion> history(String flowId, int limit) {
        return em().createQuery("from FlowVersion where flowId = ?1 order by version desc", FlowVersion.class)
                .setParameter(1, flowId).setMaxResults(limit).getResultList();
    }

    /** The latest version of every flow that has one. */
    public Map<String, FlowVersion> latestOfEach() {
        Map<String, FlowVersion> latest = new HashMap<>();
        em().createQuery("from FlowVersion v where v.version = (select max(w.version) from FlowVersion w where w.flowId = v.flowId)",
                FlowVersion.class).getResultList().forEach(v -> latest.put(v.getFlowId(), v));
        return latest;
    }

    /** What changed last: the highest version of each flow and the drafts' times, to notice other instances' saves cheaply. */
    public String stamp() {
        Object versions = em().createQuery("select count(v), coalesce(sum(v.version), 0) from FlowVersion v").getSingleResult();
        Object drafts = em().createQuery("select count(d), max(d.updatedAt) from FlowDraft d").getSingleResult();
        Object numbers = em().createQuery("select count(t) from FlowTestNumber t").getSingleResult();
        return java.util.Arrays.deepToString(new Object[]{versions, drafts, numbers});
    }

    /** Adds a version; the unique (flow_id, version) refuses a second writer of the same version. */
    public void append(String flowId, int version, String content, String note, String by, Instant at) {
        em().persist(new FlowVersion(flowId, version, content, note, by, at));
        em().flush();
    }

    public Map<String, FlowDraft> drafts() {
        Map<String, FlowDraft> drafts = new HashMap<>();
        em().createQuery("from FlowDraft", FlowDraft.class).getResultList().forEach(d -> drafts.put(d.getFlowId(), d));
        return drafts;
    }

    public Optional<FlowDraft> draft(String flowId) {
        return Optional.ofNullable(em().find(FlowDraft.class, flowId));
    }

    public void saveDraft(String flowId, String content, String by, Instant at) {
        FlowDraft draft = em().find(FlowDraft.class, flowId);
        if (draft == null) {
            em().persist(new FlowDraft(flowId, content, by, at));
        } else {
            draft.change(content, by, at);
        }
    }

    public void dropDraft(String flowId) {
        FlowDraft draft = em().find(FlowDraft.class, flowId);
        if (draft != null) {
            em().remove(draft);
        }
    }

    public List<FlowTestNumber> testNumbers() {
        return em().createQuery("from FlowTestNumber order by addedAt", FlowTestNumber.class).getResultList();
    }

    public void addTestNumber(String phone, String by, Instant at) {
        if (em().find(FlowTestNumber.class, phone) == null) {
            em().persist(new FlowTestNumber(phone, by, at));
        }
    }

    public void removeTestNumber(String phone) {
        FlowTestNumber number = em().find(FlowTestNumber.class, phone);
        if (number != null) {
            em().remove(number);
        }
    }
}
