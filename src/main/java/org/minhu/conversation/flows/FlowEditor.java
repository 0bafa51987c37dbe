package org.minhu.conversation.flows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import org.minhu.common.ProblemException;
import org.minhu.conversation.FlowRegistry;
import org.minhu.flow.Flow;
import org.minhu.flow.FlowDefinitionException;
import org.minhu.flow.FlowGraph;
import org.minhu.flow.FlowSet;
import org.minhu.flow.Messages;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The flows as admins edit them in the console. A flow's text is its YAML with its own texts in a
 * {@code messages:} section (zh-CN and en); the shipped file is shown with the texts it uses from
 * the shared bundles. An edit is checked exactly as a start-up checks the files, together with the
 * other flows in use, and kept as the flow's draft (the preview and the test numbers see it);
 * publishing makes it a new version every instance uses within the refresh interval. Going back to
 * version N or to the shipped file is itself a new version.
 */
@ApplicationScoped
public class FlowEditor {

    /** A flow as the list shows it. */
    public record Summary(String id, String title, int version, boolean shipped, String updatedBy, Instant updatedAt,
                          boolean drafted) {
    }

    /** A flow as its editor shows it: the version in use, the draft (if any) and the earlier versions. */
    public record Edited(String id, String title, int version, boolean shipped, String updatedBy, Instant updatedAt,
                         String published, FlowDraft draft, List<FlowVersion> history) {

        /** What the editor starts from: the draft, else the version in use. */
        public String text() {
            return draft != null ? draft.getContent() : published;
        }
    }

    static final int HISTORY = 20;
    private static final Pattern MESSAGES_SECTION = Pattern.compile(
            "(?m)(?:^# 本流程的文字[^\\n]*\\n)?^messages:[^\\n]*\\n(?:(?:[ \\t#][^\\n]*)?\\n)*");
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");

    private final FlowRegistry registry;
    private final FlowStore store;
    private final Clock clock;
    private final ObjectMapper json;

    public FlowEditor(FlowRegistry registry, FlowStore store, Clock clock, ObjectMapper json) {
        this.registry = registry;
        this.store = store;
        this.clock = clock;
        this.json = json;
    }

    public List<Summary> all() {
        Map<String, FlowVersion> latest = store.latestOfEach();
        Map<String, FlowDraft> drafts = store.drafts();
        List<Summary> list = new ArrayList<>();
        for (Flow flow : registry.engine().flows().flows().values().stream()
                .sorted(java.util.Comparator.comparing(Flow::file)).toList()) {
            FlowVersion v = latest.get(flow.id());
            list.add(new Summary(flow.id(), flow.title(), flow.version(), v == null || v.isShipped(),
                    v == null ? null : v.getUpdatedBy(), v == null ? null : v.getUpdatedAt(), drafts.containsKey(flow.id())));
        }
        return list;
    }

    public Edited edited(String flowId) {
        Flow current = flow(flowId);
        Optional<FlowVersion> latest = store.latest(flowId);
        String published = latest.map(FlowVersion::getContent).orElse(null);
        return new Edited(flowId, current.title(), current.version(), published == null,
                latest.map(FlowVersion::getUpdatedBy).orElse(null), latest.map(FlowVersion::getUpdatedAt).orElse(null),
                published == null ? shippedText(flowId) : published, store.draft(flowId).orElse(null),
                store.history(flowId, HISTORY));
    }

    /** The text of one stored version, the shipped file's for a version that went back to it. */
    public String text(String flowId, int version) {
        flow(flowId);
        FlowVersion stored = store.find(flowId, version)
                .orElseThrow(() -> ProblemException.notFound("流程「" + flowId + "」没有第 " + version + " 版"));
        return stored.getContent() == null ? shippedText(flowId) : stored.getContent();
    }

    /** The shipped file with the texts it says, from the shared bundles, in its messages section. */
    public String shippedText(String flowId) {
        String file = registry.shippedText(flowId);
        Flow flow = registry.shipped().flow(flowId);
        Messages messages = registry.shipped().messages();
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        for (String language : languages()) {
            Map<String, String> own = new LinkedHashMap<>();
            for (String key : FlowGraph.keys(flow)) {
                if (messages.has(language, key)) {
                    own.put(key, messages.template(language, key));
                }
            }
            texts.put(language, own);
        }
        return withTexts(file, texts);
    }

    /**
     * Parses and checks a flow's text with the flows in use, as a start-up would.
     *
     * @throws ProblemException 400 with the line, the step and the reason in Chinese
     */
    public FlowSet check(String flowId, String text) {
        flow(flowId);
        String normalized = normalize(text);
        try {
            Flow edited = registry.parse(flowId, registry.nextVersion(flowId), normalized);
            if (!edited.id().equals(flowId)) {
                throw new FlowDefinitionException(flowId + ".yaml", 1, "the flow's id must stay '" + flowId + "'");
            }
            return registry.compose(Map.of(flowId, edited));
        } catch (FlowDefinitionException e) {
            String reason = e.reason().startsWith("the flow's id must stay")
                    ? "流程的 id 必须保持为「" + flowId + "」" : null;
            throw ProblemException.badRequest("text", "没有保存，流程有误。" + (reason != null ? "第 1 行：" + reason
                    : FlowErrors.chinese(e, normalized)));
        }
    }

    /** Keeps a checked text as the flow's draft. */
    public void saveDraft(String flowId, String text, String by) {
        String normalized = normalize(text);
        check(flowId, normalized);
        store.saveDraft(flowId, normalized, by, clock.instant());
        registry.rebuild();
    }

    /** The flow's text with its own texts replaced by these (language to key to text), as the steps form sends them. */
    public String withTexts(String flowId, String text, Map<String, Map<String, String>> texts) {
        flow(flowId);
        return withTexts(normalize(text), texts);
    }

    public void discardDraft(String flowId) {
        flow(flowId);
        store.dropDraft(flowId);
        registry.rebuild();
    }

    /** Publishes the draft as the next version, checked again against the flows in use now. */
    public int publish(String flowId, String note, String by) {
        FlowDraft draft = store.draft(flowId).orElseThrow(() -> ProblemException.conflict("没有草稿可以发布，请先保存修改"));
        check(flowId, draft.getContent());
        int version = append(flowId, draft.getContent(), note == null || note.isBlank() ? null : note.strip(), by, true);
        return version;
    }

    /** Uses the text of version N again, as a new version. */
    public int restore(String flowId, int version, String by) {
        FlowVersion stored = store.find(flowId, version)
                .orElseThrow(() -> ProblemException.notFound("流程「" + flowId + "」没有第 " + version + " 版"));
        if (stored.getContent() == null) {
            return restoreShipped(flowId, by);
        }
        check(flowId, stored.getContent());
        return append(flowId, stored.getContent(), "恢复为第 " + version + " 版", by, false);
    }

    /** Uses the shipped file again, as a new version every instance notices. */
    public int restoreShipped(String flowId, String by) {
        flow(flowId);
        return append(flowId, null, "恢复为出厂版本", by, false);
    }

    public List<FlowTestNumber> testNumbers() {
        return store.testNumbers();
    }

    /** A mainland mobile number, typed as 13800138000 or +86 138 0013 8000. */
    public void addTestNumber(String typed, String by) {
        String digits = typed == null ? "" : typed.replaceAll("[\\s-]", "").replaceFirst("^\\+?86", "");
        if (!PHONE.matcher(digits).matches()) {
            throw ProblemException.badRequest("phone", "测试号码应为 11 位手机号码，例如 13800138000");
        }
        store.addTestNumber("tel:+86" + digits, by, clock.instant());
        registry.rebuild();
    }

    public void removeTestNumber(String phone) {
        store.removeTestNumber(phone);
        registry.rebuild();
    }

    public List<String> languages() {
        List<String> languages = new ArrayList<>(registry.shipped().messages().languages());
        languages.remove(Messages.DEFAULT_LANGUAGE);
        languages.add(0, Messages.DEFAULT_LANGUAGE);
        return languages;
    }

    private int append(String flowId, String content, String note, String by, boolean dropDraft) {
        int version;
        try {
            version = QuarkusTransaction.requiringNew().call(() -> {
                int next = registry.nextVersion(flowId);
                store.append(flowId, next, content, note, by, clock.instant());
                if (dropDraft) {
                    store.dropDraft(flowId);
                }
                return next;
            });
        } catch (PersistenceException e) {
            throw ProblemException.conflict("流程刚被他人修改，您的操作没有完成；请刷新页面后重做");
        }
        registry.rebuild();
        return version;
    }

    private Flow flow(String flowId) {
        Flow flow = flowId == null ? null : registry.shipped().flow(flowId);
        if (flow == null) {
            throw ProblemException.notFound("没有名为「" + flowId + "」的流程");
        }
        return registry.engine().flows().flow(flowId);
    }

    private static String normalize(String text) {
        return text == null ? "" : text.replace("\r\n", "\n");
    }

    /** The text with its {@code messages:} section (wherever it was) replaced by one with these texts, at the end. */
    String withTexts(String text, Map<String, Map<String, String>> texts) {
        String body = MESSAGES_SECTION.matcher(text.endsWith("\n") ? text : text + "\n").replaceAll("");
        StringBuilder out = new StringBuilder(body.stripTrailing()).append("\n\n");
        out.append("# 本流程的文字（在管理页面编辑；中文和英文都必须填写）\nmessages:\n");
        texts.forEach((language, own) -> {
            out.append("  ").append(language).append(":\n");
            own.forEach((key, value) -> out.append("    ").append(quote(key)).append(": ").append(quote(value)).append('\n'));
        });
        return out.toString();
    }

    private String quote(String value) {
        try {
            return json.writeValueAsString(value == null ? "" : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
