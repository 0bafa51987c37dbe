package org.minhu.conversation;

import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.minhu.flow.Engine;
import org.minhu.flow.FlowDefinitionException;
import org.minhu.flow.FlowLoader;
import org.minhu.flow.FlowSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads {@code conversation-flows/} at start-up; a broken flow stops the service with its file,
 * line and reason, so it never reaches residents. With reload on (dev mode) a changed file is
 * loaded again before the next turn; a broken change is logged and the last good flows stay.
 */
@ApplicationScoped
@Startup
public class FlowRegistry {

    /** Values every flow may read without saving them first. */
    public static final Set<String> BUILTINS = Set.of("categories");

    private final Path folder;
    private final boolean reload;
    private final Engine.Settings settings;
    private final Map<String, ConversationAction> actions = new LinkedHashMap<>();
    private volatile Engine engine;
    private volatile FileTime loadedAt;

    public FlowRegistry(@ConfigProperty(name = "minhu.flows.dir", defaultValue = "conversation-flows") String folder,
                        @ConfigProperty(name = "minhu.flows.reload", defaultValue = "false") boolean reload,
                        @ConfigProperty(name = "minhu.conversation.max-invalid", defaultValue = "2") int maxInvalid,
                        @ConfigProperty(name = "minhu.conversation.idle-timeout", defaultValue = "30m") Duration idle,
                        @ConfigProperty(name = "minhu.conversation.draft-ttl", defaultValue = "7d") Duration draftTtl,
                        @All List<ConversationAction> actions) {
        this.folder = Path.of(folder);
        this.reload = reload;
        this.settings = new Engine.Settings(maxInvalid, idle, draftTtl);
        actions.forEach(a -> this.actions.put(a.name(), a));
        this.loadedAt = newest();
        this.engine = new Engine(load(), settings);
        Log.infof("loaded %d conversation flows from %s", engine.flows().flows().size(), this.folder.toAbsolutePath());
    }

    public FlowSet load() {
        Map<String, Set<String>> outputs = new LinkedHashMap<>();
        actions.forEach((name, action) -> outputs.put(name, action.outputs()));
        FlowSet flows = FlowLoader.load(folder, outputs, BUILTINS);
        for (String flow : FreeText.flows()) {
            if (flows.flow(flow) == null) {
                throw new FlowDefinitionException(flow + ".yaml", 0, "the flow '" + flow
                        + "' is required: a resident's own words (a problem, a question, a case number) start it");
            }
        }
        return flows;
    }

    public Engine engine() {
        if (reload) {
            FileTime newest = newest();
            if (newest != null && !newest.equals(loadedAt)) {
                loadedAt = newest;
                try {
                    engine = new Engine(load(), settings);
                    Log.infof("conversation flows reloaded from %s", folder);
                } catch (FlowDefinitionException e) {
                    Log.errorf("changed flows not loaded, the previous ones stay: %s", e.getMessage());
                }
            }
        }
        return engine;
    }

    public ConversationAction action(String name) {
        return actions.get(name);
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
