package org.minhu.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The small flows under {@code src/test/resources/flows/engine}, with the actions and builtins they use. */
final class TestFlows {

    static final Map<String, Set<String>> ACTIONS = Map.of(
            "create-case", Set.of("outcome", "number"),
            "hand-off", Set.of("outcome", "position"),
            "list-things", Set.of("outcome", "count", "items"));

    /** {@code profile} stands for any value the caller puts in the context, as the service does with categories. */
    static final Set<String> BUILTINS = Set.of("categories", "profile");

    private static FlowSet loaded;

    private TestFlows() {
    }

    static Path folder() {
        try {
            return Path.of(TestFlows.class.getResource("/flows/engine/menu.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized FlowSet flows() {
        if (loaded == null) {
            loaded = FlowLoader.load(folder(), ACTIONS, BUILTINS);
        }
        return loaded;
    }

    static Engine engine() {
        return new Engine(flows(), Engine.Settings.DEFAULT);
    }

    /** Copies a flow folder (with its messages) so that a test can break one file of it. */
    static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
