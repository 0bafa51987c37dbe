package org.minhu.console;

import org.junit.jupiter.api.Test;
import org.minhu.cases.Gazetteer;
import org.minhu.conversation.WorkingHours;
import org.minhu.knowledge.KnowledgeBase;
import org.minhu.reference.ReferenceData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document written back from a form keeps its comments: the header, and those between the entries
 * of a list (the gazetteer's community headings, the knowledge base's topics), each before the same
 * entry as before, or before the next one still there when its entry was removed.
 */
class ReferenceFormYamlTest {

    @Test
    void theCommentsBetweenEntriesStayBeforeTheSameEntries() {
        String shipped = ReferenceData.shipped(Gazetteer.RESOURCE);
        String written = ReferenceFormYaml.write(shipped, ReferenceFormYaml.tree(shipped));
        assertThat(written).startsWith(shipped.lines().findFirst().orElseThrow());
        assertThat(lineAfter(written, "# 五和社区 (坂田街道五和社区第 1 网格)")).contains("name: 五和大道");
        assertThat(lineAfter(written, "# 第五园社区 (坂田街道第五园社区第 3 网格)")).contains("name: 第五园一期");
        assertThat(lineAfter(written, "# 福田中心区 (福田街道中心区第 5 网格)")).contains("name: 深圳市民中心");
        assertThat(Gazetteer.parse("written", written).places()).isEqualTo(Gazetteer.parse("shipped", shipped).places());

        // the first place of a community removed and another added at the end: the heading stays on the community
        Map<String, Object> tree = ReferenceFormYaml.tree(shipped);
        List<Object> places = new ArrayList<>((List<?>) tree.get("places"));
        places.removeIf(p -> "五和大道".equals(((Map<?, ?>) p).get("name")));
        Map<String, Object> added = new LinkedHashMap<>();
        added.put("name", "坂田天虹");
        added.put("kind", "landmark");
        added.put("latitude", 22.64);
        added.put("longitude", 114.06);
        places.add(added);
        tree.put("places", places);
        String changed = ReferenceFormYaml.write(shipped, tree);
        assertThat(lineAfter(changed, "# 五和社区 (坂田街道五和社区第 1 网格)")).contains("name: 五和地铁站");
        assertThat(changed).doesNotContain("五和大道").contains("坂田天虹");
        assertThat(changed.lines().filter(l -> l.strip().startsWith("# ") && l.startsWith("  ")).count()).isEqualTo(4);
    }

    @Test
    void theKnowledgeBaseKeepsItsTopicHeadings() {
        String shipped = ReferenceData.shipped(KnowledgeBase.RESOURCE);
        String written = ReferenceFormYaml.write(shipped, ReferenceFormYaml.tree(shipped));
        assertThat(lineAfter(written, "# ---- 水、电、气 ----")).contains("id: water-outage");
        assertThat(lineAfter(written, "# ---- 垃圾分类 ----")).contains("id: sorting-basics");
        assertThat(written.lines().filter(l -> l.startsWith("  # ")).count())
                .isEqualTo(shipped.lines().filter(l -> l.startsWith("  # ")).count());
        assertThat(KnowledgeBase.parse("written", written).entries()).isEqualTo(KnowledgeBase.parse("shipped", shipped).entries());
    }

    @Test
    void aCommentBeforeAKeyedEntryStaysWithItsKeyWhenTheOrderChanges() {
        String text = """
                # hours
                services:
                  # the people on the phone
                  live-chat: {name: 人工服务, days: [MON], from: "09:00", to: "17:00", closed: []}
                  # the counter
                  counter: {name: 窗口, days: [TUE], from: "09:00", to: "12:00", closed: []}
                """;
        Map<String, Object> tree = ReferenceFormYaml.tree(text);
        Map<String, Object> services = new LinkedHashMap<>();
        ((Map<?, ?>) tree.get("services")).entrySet().stream().sorted((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())))
                .forEach(e -> services.put(String.valueOf(e.getKey()), e.getValue()));
        tree.put("services", services);
        String written = ReferenceFormYaml.write(text, tree);
        assertThat(lineAfter(written, "# the counter")).startsWith("  counter:");
        assertThat(lineAfter(written, "# the people on the phone")).startsWith("  live-chat:");
        assertThat(WorkingHours.parse(written, "written").services().keySet()).containsExactly("counter", "live-chat");
    }

    /** The line after the one that is this comment. */
    private static String lineAfter(String text, String comment) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).strip().equals(comment)) {
                return lines.get(i + 1);
            }
        }
        throw new AssertionError("no line " + comment + " in\n" + text);
    }
}
