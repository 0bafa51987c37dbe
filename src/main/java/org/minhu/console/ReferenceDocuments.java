package org.minhu.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import org.minhu.cases.Categories;
import org.minhu.cases.Category;
import org.minhu.cases.DispatchRules;
import org.minhu.cases.Gazetteer;
import org.minhu.cases.ServiceCaseRepository;
import org.minhu.cases.UnitHierarchy;
import org.minhu.common.ProblemException;
import org.minhu.conversation.WorkingHours;
import org.minhu.knowledge.KnowledgeBase;
import org.minhu.knowledge.KnowledgeEntry;
import org.minhu.open311.ServiceDefinitions;
import org.minhu.reference.LiveReference;
import org.minhu.reference.LocalizedText;
import org.minhu.reference.ReferenceData;
import org.minhu.reference.ReferenceDataException;
import org.minhu.reference.ReferenceVersion;
import org.minhu.reference.ReferenceVersionRepository;
import org.minhu.reference.TextIndex;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reference documents admins edit in the console: categories, dispatch rules, knowledge base,
 * gazetteer, unit hierarchy, working hours.
 * A text is saved only if it passes exactly the parsing and checks its owner applies at start-up,
 * plus what only the running service knows (categories that cases use). Every save is a new
 * version; the instance that saved uses it at once, the others within {@code minhu.reference.refresh}.
 */
@ApplicationScoped
public class ReferenceDocuments {

    /** A document as the admin page shows it: the text in use, its version, and who saved it when. */
    public record Document(String name, String title, String text, int version, boolean shipped,
                           String updatedBy, Instant updatedAt, List<Saved> history) {
    }

    /** An earlier save, listed so that what was in use before can be read again. */
    public record Saved(int version, boolean shipped, String updatedBy, Instant updatedAt) {
    }

    /** How many earlier versions the page lists; older ones stay in the table. */
    static final int HISTORY = 10;

    private static final Map<String, String> TITLES = Map.of(
            Categories.DOCUMENT, "诉求类别",
            DispatchRules.DOCUMENT, "派单规则",
            KnowledgeBase.DOCUMENT, "知识库",
            Gazetteer.DOCUMENT, "地名库",
            UnitHierarchy.DOCUMENT, "单位层级",
            WorkingHours.DOCUMENT, "工作时间");

    private final Categories categories;
    private final DispatchRules rules;
    private final ReferenceVersionRepository versions;
    private final ServiceCaseRepository cases;
    private final Clock clock;
    private final Map<String, LiveReference<?>> documents = new LinkedHashMap<>();

    public ReferenceDocuments(Categories categories, DispatchRules rules, KnowledgeBase knowledge, Gazetteer gazetteer,
                              UnitHierarchy hierarchy, WorkingHours hours, ReferenceVersionRepository versions,
                              ServiceCaseRepository cases, Clock clock) {
        this.categories = categories;
        this.rules = rules;
        this.versions = versions;
        this.cases = cases;
        this.clock = clock;
        for (LiveReference<?> document : List.of(categories.document(), rules.document(), knowledge.document(),
                gazetteer.document(), hierarchy.document(), hours.document())) {
            documents.put(document.name(), document);
        }
    }

    /** In the order the admin page shows them. */
    public List<Document> all() {
        return documents.keySet().stream().map(this::current).toList();
    }

    /** The latest stored version, or the shipped file. */
    public Document current(String name) {
        LiveReference<?> document = document(name);
        Optional<ReferenceVersion> latest = versions.latest(name);
        String text = latest.map(ReferenceVersion::getContent).orElse(null);
        List<Saved> history = versions.history(name, HISTORY).stream()
                .map(v -> new Saved(v.getVersion(), v.getContent() == null, v.getUpdatedBy(), v.getUpdatedAt())).toList();
        return new Document(name, TITLES.get(name), text == null ? ReferenceData.shipped(document.resource()) : text,
                latest.map(ReferenceVersion::getVersion).orElse(0), text == null,
                latest.map(ReferenceVersion::getUpdatedBy).orElse(null), latest.map(ReferenceVersion::getUpdatedAt).orElse(null),
                history);
    }

    /** The text of one stored version, the shipped file for a version that went back to it (or for version 0). */
    public String text(String name, int version) {
        LiveReference<?> document = document(name);
        if (version == 0) {
            return ReferenceData.shipped(document.resource());
        }
        ReferenceVersion stored = versions.find(name, version)
                .orElseThrow(() -> ProblemException.notFound(TITLES.get(name) + "没有第 " + version + " 版"));
        return stored.getContent() == null ? ReferenceData.shipped(document.resource()) : stored.getContent();
    }

    /**
     * Stores a new version of a document and uses it from now on.
     *
     * @param basedOn the version the admin changed; another admin's save since then refuses this one
     * @throws ProblemException 400 when the text does not parse or pass the checks (with its line
     *                          where known), 409 when it would remove a category in use or the
     *                          document changed meanwhile, 404 for an unknown document
     */
    public void save(String name, String text, int basedOn, String by) {
        save(name, text, basedOn, by, null);
    }

    /**
     * As {@link #save(String, String, int, String)}, for a text made from a form: a refusal names
     * the place as the form shows it rather than a line of a text the admin never saw.
     *
     * @param place where in the form a document path ({@code categories[3].dueHours}) is, such as
     *              "第 4 行「处理时限」"; null when it cannot tell
     */
    public void save(String name, String text, int basedOn, String by, Function<String, String> place) {
        LiveReference<?> document = document(name);
        String normalized = text == null ? "" : text.replace("\r\n", "\n");
        Object checked = check(document, normalized, place);
        store(document, normalized, basedOn, by, checked);
    }

    /** Back to an earlier version: its text (or the shipped file) saved again as a new version, checked as any save. */
    public void restore(String name, int version, String by) {
        LiveReference<?> document = document(name);
        ReferenceVersion stored = versions.find(name, version)
                .orElseThrow(() -> ProblemException.notFound(TITLES.get(name) + "没有第 " + version + " 版"));
        String content = stored.getContent();
        Object checked = check(document, content == null ? ReferenceData.shipped(document.resource()) : content, null);
        store(document, content, null, by, checked);
    }

    /** Goes back to the file shipped with the application, as a new version that every instance notices. */
    public void restoreShipped(String name, String by) {
        LiveReference<?> document = document(name);
        if (current(name).shipped()) {
            return;
        }
        Object checked = document.check(ReferenceData.shipped(document.resource()));
        store(document, null, null, by, checked);
    }

    /** Picks up the versions other instances stored. */
    @Scheduled(every = "${minhu.reference.refresh}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        Map<String, Integer> stored = versions.latestVersions();
        documents.forEach((name, document) -> {
            if (stored.getOrDefault(name, 0) > document.version()) {
                document.use(versions.latest(name));
            }
        });
    }

    private void store(LiveReference<?> document, String content, Integer basedOn, String by, Object checked) {
        String name = document.name();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                int latest = versions.latest(name).map(ReferenceVersion::getVersion).orElse(0);
                if (basedOn != null && basedOn != latest) {
                    throw ProblemException.conflict(TITLES.get(name) + "已被他人改为第 " + latest
                            + " 版，您的修改没有保存；请复制您的修改，刷新页面后在新版本上重做");
                }
                if (checked instanceof Categories.Snapshot next) {
                    keepCategoriesInUse(next);
                } else if (checked instanceof DispatchRules.Rules next) {
                    assignKnownCategories(next);
                }
                versions.append(new ReferenceVersion(name, latest + 1, content, by, clock.instant()));
            });
        } catch (PersistenceException e) {
            throw ProblemException.conflict(TITLES.get(name) + "刚被他人修改，您的修改没有保存；请刷新页面后重做");
        }
        document.use(versions.latest(name));
    }

    private static Object check(LiveReference<?> document, String text, Function<String, String> place) {
        try {
            return document.check(text);
        } catch (ReferenceDataException e) {
            String inForm = place == null || e.path() == null ? null : place.apply(e.path());
            String where = inForm != null ? inForm + "："
                    : e.line() == null ? "" : "第 " + e.line() + " 行" + (e.column() == null ? "" : "第 " + e.column() + " 列") + "：";
            String detail = inForm != null && e.detail().startsWith(e.path() + ": ")
                    ? e.detail().substring(e.path().length() + 2) : e.detail();
            throw ProblemException.badRequest("text", "没有保存，" + TITLES.get(document.name()) + "有误。" + where + detail);
        }
    }

    /**
     * A category that cases carry cannot go: their labels, dispatch and Open311 listing look it up.
     * Nor can one the Open311 attributes file names, or the next start would stop.
     */
    private void keepCategoriesInUse(Categories.Snapshot next) {
        Set<String> removed = categories.all().stream().map(Category::code)
                .filter(code -> !next.byCode().containsKey(code)).collect(Collectors.toSet());
        Map<String, Long> inUse = cases.countByCategory(removed);
        if (!inUse.isEmpty()) {
            throw ProblemException.conflict("没有保存：以下类别仍有诉求使用，不能删除（共 "
                    + inUse.values().stream().mapToLong(Long::longValue).sum() + " 件）："
                    + inUse.entrySet().stream().map(e -> e.getKey() + "（" + e.getValue() + " 件）")
                    .collect(Collectors.joining("、")));
        }
        List<String> assigned = rules.document().get().assignments().stream().map(DispatchRules.Assignment::category)
                .filter(code -> !next.byCode().containsKey(code)).distinct().toList();
        if (!assigned.isEmpty()) {
            throw ProblemException.conflict("没有保存：派单规则的指定承办单位仍引用以下类别，不能删除："
                    + String.join("、", assigned) + "。请先在派单规则中删除或修改这些规则");
        }
        try {
            new ServiceDefinitions(Categories.of(next));
        } catch (IllegalStateException e) {
            throw ProblemException.conflict("没有保存：Open311 服务属性仍引用被删除的类别。" + e.getMessage());
        }
    }

    /** An assignment names a category residents can choose, or it would never route a case. */
    private void assignKnownCategories(DispatchRules.Rules next) {
        List<DispatchRules.Assignment> assignments = next.assignments();
        for (int i = 0; i < assignments.size(); i++) {
            if (categories.find(assignments.get(i).category()).isEmpty()) {
                throw ProblemException.badRequest("text", "没有保存：指定承办单位第 " + (i + 1) + " 条的类别 "
                        + assignments.get(i).category() + " 不在诉求类别中");
            }
        }
    }

    private LiveReference<?> document(String name) {
        LiveReference<?> document = name == null ? null : documents.get(name);
        if (document == null) {
            throw ProblemException.notFound("没有名为 " + name + " 的基础数据");
        }
        return document;
    }
}
