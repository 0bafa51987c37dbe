package org.minhu.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The top-level packages of {@code org.minhu} stand on floors (docs/ARCHITECTURE.md draws them): a
 * package uses only packages on floors below its own, so no change ripples back up and there is no
 * cycle. Plain JUnit over the source files: every {@code org.minhu.X.} named in code (imports and
 * qualified names; comments and string literals are not code) counts.
 */
class PackageFloorsTest {

    /** Each top-level package and its floor; a package may use only packages on lower floors. */
    static final Map<String, Integer> FLOORS = Map.ofEntries(
            // what every part shares: problems, group commit
            Map.entry("common", 0),
            // the ground: the outbound message model, reference data, residents, signals, staff accounts
            Map.entry("outbound", 1), Map.entry("reference", 1), Map.entry("resident", 1), Map.entry("messaging", 1),
            Map.entry("security", 1),
            // the carrier, the plain-Java flow engine, the case system, the knowledge base
            Map.entry("carrier", 2), Map.entry("flow", 2), Map.entry("cases", 2), Map.entry("knowledge", 2),
            // what residents and other channels talk to, and who is told about deadlines
            Map.entry("conversation", 3), Map.entry("open311", 3), Map.entry("notify", 3),
            // what the city sends of its own accord
            Map.entry("proactive", 4),
            // the staff's console, the demo data, operations
            Map.entry("console", 5), Map.entry("demo", 5), Map.entry("operations", 5));

    private static final Pattern USE = Pattern.compile("\\borg\\.minhu\\.([a-z0-9]+)\\.");
    private static final Path ROOT = Path.of("src/main/java/org/minhu");

    @Test
    void everyPackageUsesOnlyPackagesOnLowerFloors() throws IOException {
        Map<String, Set<String>> uses = uses();
        assertThat(uses.keySet()).as("every top-level package has a floor; a new one needs its place here and in docs/ARCHITECTURE.md")
                .isSubsetOf(FLOORS.keySet());
        List<String> upward = new ArrayList<>();
        uses.forEach((from, targets) -> targets.forEach(to -> {
            if (!from.equals(to) && FLOORS.getOrDefault(to, 99) >= FLOORS.get(from)) {
                upward.add(from + " (floor " + FLOORS.get(from) + ") uses " + to + " (floor " + FLOORS.get(to) + ")");
            }
        }));
        assertThat(upward).as("uses that point sideways or up").isEmpty();
    }

    @Test
    void theCheckSeesWhatItChecks() throws IOException {
        Map<String, Set<String>> uses = uses();
        assertThat(uses.get("console")).as("the console uses the cases").contains("cases");
        assertThat(uses.get("flow")).as("the engine builds outbound messages").containsExactly("outbound");
        assertThat(strip("// org.minhu.console.X\nString s = \"org.minhu.console.Y\"; /* org.minhu.demo.Z */ org.minhu.cases.W w;"))
                .doesNotContain("console", "demo").contains("org.minhu.cases.W");
    }

    /** A class that does one job fits on a few screens: no source file in src/main over 450 lines. */
    @Test
    void noSourceFileIsOver450Lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                long lines = Files.readAllLines(source).size();
                if (lines > 450) {
                    tooLong.add(ROOT.relativize(source) + " (" + lines + " lines)");
                }
            }
        }
        assertThat(tooLong).as("source files over 450 lines: split by job").isEmpty();
    }

    /** For each top-level package, the top-level packages its sources use. */
    private static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path relative = ROOT.relativize(source);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String from = relative.getName(0).toString();
                Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher use = USE.matcher(strip(Files.readString(source)));
                while (use.find()) {
                    if (!use.group(1).equals(from)) {
                        targets.add(use.group(1));
                    }
                }
            }
        }
        return uses;
    }

    /** The source without comments, string and character literals (text blocks included): one pass, as javac reads it. */
    static String strip(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                code.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                code.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                code.append(c).append(c);
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }
}
