package org.minhu.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container makes a client proxy of every {@code @ApplicationScoped} bean by calling its class's
 * no-argument constructor. One that loads a reference document (parsing and indexing it) did that work
 * again on every start for a proxy that never reads it: a third of the main thread's start-up was the
 * knowledge base indexed twice. Plain tests get the shipped documents from a static factory instead.
 */
class ProxyConstructorsTest {

    private static final Path ROOT = Path.of("src/main/java/org/minhu");
    /** A no-argument constructor and its body, up to its first closing brace. */
    private static final Pattern NO_ARGUMENTS = Pattern.compile("\\bpublic\\s+([A-Z]\\w*)\\s*\\(\\s*\\)\\s*\\{([^}]*)}");

    @Test
    void noNoArgumentConstructorLoadsAReferenceDocument() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                found.addAll(loading(Files.readString(source)).stream()
                        .map(name -> ROOT.relativize(source) + ": " + name + "()").toList());
            }
        }
        assertThat(found).as("no-argument constructors that load a reference document: use a static factory").isEmpty();
    }

    @Test
    void theCheckSeesWhatItChecks() {
        assertThat(loading("""
                public class KnowledgeBase {
                    public KnowledgeBase() {
                        this.document = LiveReference.shipped(DOCUMENT, RESOURCE, KnowledgeBase::parse);
                    }
                }""")).containsExactly("KnowledgeBase");
        assertThat(loading("public Answers() {\n    this.count = 0;\n}")).isEmpty();
    }

    private static List<String> loading(String source) {
        List<String> names = new ArrayList<>();
        Matcher constructor = NO_ARGUMENTS.matcher(source);
        while (constructor.find()) {
            if (constructor.group(2).contains("LiveReference.")) {
                names.add(constructor.group(1));
            }
        }
        return names;
    }
}
