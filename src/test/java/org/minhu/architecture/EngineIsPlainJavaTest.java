package org.minhu.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flow engine stays plain Java: no Quarkus, Jakarta, Hibernate or MicroProfile, so it can be
 * read, tested and reasoned about without the framework. Plain JUnit over the source files.
 */
class EngineIsPlainJavaTest {

    private static final List<String> FORBIDDEN = List.of("import io.quarkus", "import jakarta.", "import javax.",
            "import org.hibernate", "import org.eclipse.microprofile", "import io.smallrye", "import io.vertx");

    @Test
    void theEnginePackageImportsNoFramework() throws IOException {
        Path engine = Path.of("src/main/java/org/minhu/flow");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(engine)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).as("the engine's sources").hasSizeGreaterThan(5);
        for (Path source : sources) {
            List<String> imports = Files.readAllLines(source).stream().filter(l -> l.startsWith("import ")).toList();
            assertThat(imports).as(source.toString())
                    .noneMatch(line -> FORBIDDEN.stream().anyMatch(line::startsWith));
        }
    }
}
