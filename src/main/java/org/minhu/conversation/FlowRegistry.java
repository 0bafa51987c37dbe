package org.minhu.conversation;

import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.conversation.flows.FlowDraft;
import org.minhu.conversation.flows.FlowStore;
import org.minhu.conversation.flows.FlowTestNumber;
import org.minhu.conversation.flows.FlowVersion;
import org.minhu.conversation.subscription.Subscriptions;
import org.minhu.flow.Engine;
import org.minhu.flow.Flow;
import org.minhu.flow.FlowDefinitionException;
import org.minhu.flow.FlowLoader;
import org.minhu.flow.FlowSet;
import org.minhu.flow.Required;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The conversation flows in use. {@code conversation-flows/} is loaded at start-up (a broken file
 * stops the service with its file, line and reason) and is the shipped default; the versions
 * admins published in the console ({@link FlowStore}) come on top, checked together with the
 * others, and are picked up by every instance within {@code minhu.reference.refresh}. A resident
 * half-way through a flow finishes the version they started ({@link FlowSet#flow(String, int)});
 * the test numbers meet the drafts. With reload on (dev mode) a changed file is loaded again
 * before the next turn; a broken change is logged and the last good flows stay.
 */
@ApplicationScoped
@Startup
public class FlowRegistry {

    /** Values every flow may read without saving them first. */
    public static final Set<String> BUILTINS = Set.of("categories");

    /** What the Java side relies on in the flows; a flow without it is refused at start-up and in the console. */
    public static final List<Required> REQUIRED = List.of(
            Required.startChoice(FlowSet.MENU, "menu",
                    "the platform's fixed menu and the chips of older menu cards (opt:menu:menu:<value>) are its options"),
            Required.ask("rate", "reason", "reason",
                    "不满意 tapped on a resolution card asks why there (FlowResponder)"),
            Required.action("rate", "submit", "rate-case",
                    "a rating tapped on a resolution card is filed there (FlowResponder)"),
            Required.flow(FreeText.FILE, "a problem the resident writes in their own words starts it"),
            Required.flow(FreeText.ASK, "a question the resident writes in their own words starts it"),
            Required.flow(FreeText.MINE, "a typed case number and the 查看进度 chip of progress cards start it"),
            Required.flow(Subscriptions.FLOW, "订阅 / 通知 typed at any time opens it"),
            Required.action(FreeText.MINE, ResidentUpdates.ADD_STEP, "check-addable",
                    "the 补充材料 chip of progress updates starts my-requests with 'adding' set, which its start leads there (ResidentUpdates)"),
            Required.action(FreeText.MINE, ResidentUpdates.NUDGE_STEP, "nudge-case",
                    "the 催一下 chip of progress updates starts my-requests with 'nudging' set, which its start leads there (ResidentUpdates)"));

    /** What one instance uses: the published flows, the drafts for the test numbers, and what it was built from. */
    private record Live(Engine engine, Engine drafts, Set<String> testNumbers, String stamp) {
    }

    private final Path folder;
    private final boolean reload;
    private final Engine.Settings settings;
    private final Map<String, ConversationAction> actions = new LinkedHashMap<>();
    private final FlowStore store;
    private final Map<String, Optional<Flow>> earlier = new ConcurrentHashMap<>();
    private volatile FlowSet shipped;
    private volatile Live live;
    private volatile FileTime loadedAt;

    public FlowRegistry(ConversationConfig config, @All List<ConversationAction> actions, FlowStore store) {
        this.folder = Path.of(config.flows().dir());
        this.reload = config.flows().reload();
        ConversationConfig.Conversation conversation = config.conversation();
        this.settings = new Engine.Settings(conversation.maxInvalid(), conversation.idleTimeout(), conversation.draftTtl());
        this.store = store;
        actions.forEach(a -> this.actions.put(a.name(), a));
        this.loadedAt = newest();
        this.shipped = load();
        rebuild();
        Log.infof("loaded %d conversation flows from %s", shipped.flows().size(), this.folder.toAbsolutePath());
    }

    /** The shipped files, checked. */
    public FlowSet load() {
        return FlowLoader.load(folder, outputs(), BUILTINS, REQUIRED);
    }

    public Map<String, Set<String>> outputs() {
        Map<String, Set<String>> outputs = new LinkedHashMap<>();
        actions.forEach((name, action) -> outputs.put(name, action.outputs()));
        return outputs;
    }

    /** The flows residents meet. */
    public Engine engine() {
        reloadChangedFiles();
        return live.engine();
    }

    /** The flows this phone meets: the drafts for a test number, else the published ones. */
    public Engine engine(String phone) {
        reloadChangedFiles();
        Live now = live;
        return now.drafts() != null && phone != null && now.testNumbers().contains(phone) ? now.drafts() : now.engine();
    }

    public Engine.Settings settings() {
        return settings;
    }

    public ConversationAction action(String name) {
        return actions.get(name);
    }

    public Map<String, ConversationAction> actions() {
        return Map.copyOf(actions);
    }

    /** The shipped flows, as in the files. */
    public FlowSet shipped() {
        return shipped;
    }

    /** The text of a flow's shipped file. */
    public String shippedText(String flowId) {
        Flow flow = shipped.flow(flowId);
        if (flow == null) {
            return null;
        }
        try {
            return Files.readString(folder.resolve(flow.file()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + flow.file(), e);
        }
    }

    /** A stored text as a flow, numbered as stored; the shipped flow for null. */
    public Flow parse(String flowId, int version, String content) {
        Flow flow = content == null ? shipped.flow(flowId) : FlowLoader.parseFlow(flowId + ".yaml", content);
        return flow == null ? null : flow.withVersion(version);
    }

    /**
     * The published flows with some replaced, checked together as a start-up would check them.
     *
     * @throws FlowDefinitionException naming the file, the line and the reason
     */
    public FlowSet compose(Map<String, Flow> replaced) {
        List<Flow> flows = new ArrayList<>();
        FlowSet base = live == null ? shipped : live.engine().flows();
        for (Flow flow : base.flows().values()) {
            flows.add(replaced.getOrDefault(flow.id(), flow));
        }
        for (Flow flow : replaced.values()) {
            if (base.flow(flow.id()) == null) {
                flows.add(flow);
            }
        }
        return FlowLoader.validate(flows, shipped.messages(), outputs(), BUILTINS, REQUIRED).withHistory(this::earlier);
    }

    /** Picks up what other instances published, drafted or listed. */
    @Scheduled(every = "${minhu.reference.refresh}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        if (!store.stamp().equals(live.stamp())) {
            rebuild();
        }
    }

    /** Builds what is in use from the shipped files and the stored versions; at once after a save here. */
    public synchronized void rebuild() {
        String stamp = store.stamp();
        earlier.clear();
        Map<String, Flow> published = new LinkedHashMap<>();
        for (FlowVersion version : store.latestOfEach().values()) {
            if (shipped.flow(version.getFlowId()) == null) {
                continue;
            }
            try {
                published.put(version.getFlowId(), parse(version.getFlowId(), version.getVersion(), version.getContent()));
            } catch (FlowDefinitionException e) {
                Log.errorf("flow %s version %d cannot be read, the shipped file is used: %s", version.getFlowId(),
                        version.getVersion(), e.getMessage());
            }
        }
        FlowSet flows = composeDropping(published, null);
        Map<String, Flow> drafted = new LinkedHashMap<>(published);
        Map<String, FlowDraft> drafts = store.drafts();
        for (FlowDraft draft : drafts.values()) {
            try {
                drafted.put(draft.getFlowId(), parse(draft.getFlowId(), nextVersion(draft.getFlowId()), draft.getContent()));
            } catch (FlowDefinitionException e) {
                Log.warnf("draft of flow %s cannot be read: %s", draft.getFlowId(), e.getMessage());
            }
        }
        FlowSet draftSet = drafts.isEmpty() ? null : composeDropping(drafted, flows);
        Set<String> numbers = store.testNumbers().stream().map(FlowTestNumber::getPhone).collect(Collectors.toUnmodifiableSet());
        live = new Live(new Engine(flows, settings), draftSet == null ? null : new Engine(draftSet, settings), numbers, stamp);
    }

    /** The number the next published version of a flow gets: above every stored one and the shipped file's. */
    public int nextVersion(String flowId) {
        int stored = store.latest(flowId).map(FlowVersion::getVersion).orElse(0);
        Flow file = shipped.flow(flowId);
        return Math.max(stored, file == null ? 0 : file.version()) + 1;
    }

    /** Stored flows that no longer pass the checks (the shipped files changed under them) give way to the shipped ones. */
    private FlowSet composeDropping(Map<String, Flow> replaced, FlowSet fallback) {
        Map<String, Flow> trying = new LinkedHashMap<>(replaced);
        while (true) {
            try {
                List<Flow> flows = new ArrayList<>();
                for (Flow flow : shipped.flows().values()) {
                    flows.add(trying.getOrDefault(flow.id(), flow));
                }
                return FlowLoader.validate(flows, shipped.messages(), outputs(), BUILTINS, REQUIRED).withHistory(this::earlier);
            } catch (FlowDefinitionException e) {
                Optional<String> culprit = trying.values().stream().filter(f -> f.file().equals(e.file())).map(Flow::id).findFirst();
                Log.errorf("stored flows do not pass the checks, %s: %s", culprit.map(id -> "the shipped " + id + " is used")
                        .orElse("none of them is used"), e.getMessage());
                if (culprit.isEmpty()) {
                    if (fallback != null) {
                        return fallback;
                    }
                    trying.clear();
                } else {
                    trying.remove(culprit.get());
                }
            }
        }
    }

    /** An earlier version of a flow, for a resident who started it; read once from the store. */
    private Flow earlier(String flowId, int version) {
        return earlier.computeIfAbsent(flowId + ":" + version, key -> {
            try {
                Optional<FlowVersion> stored = store.find(flowId, version);
                if (stored.isPresent()) {
                    return Optional.ofNullable(parse(flowId, version, stored.get().getContent()));
                }
                Flow file = shipped.flow(flowId);
                return file != null && file.version() == version ? Optional.of(file) : Optional.empty();
            } catch (RuntimeException e) {
                Log.warnf("flow %s version %d cannot be read again: %s", flowId, version, e.getMessage());
                return Optional.empty();
            }
        }).orElse(null);
    }

    private void reloadChangedFiles() {
        if (reload) {
            FileTime newest = newest();
            if (newest != null && !newest.equals(loadedAt)) {
                loadedAt = newest;
                try {
                    shipped = load();
                    rebuild();
                    Log.infof("conversation flows reloaded from %s", folder);
                } catch (FlowDefinitionException e) {
                    Log.errorf("changed flows not loaded, the previous ones stay: %s", e.getMessage());
                }
            }
        }
    }

    private FileTime newest() {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(p -> {
                try {
                    return Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    return FileTime.fromMillis(0);
                }
            }).max(FileTime::compareTo).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
