package org.minhu.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference document's YAML as the forms handle it: read into a tree (empty when the text is not
 * YAML), a value got or put at a dotted path ({@code name.zh-CN}), and the tree written back with
 * the comment lines that stood above each top-level part kept, which a YAML library would drop, and
 * those that stood before an entry of a list (a community's heading in the gazetteer, a topic's in
 * the knowledge base) kept before the same entry: the one whose first field (its code, id or name)
 * is the same, or for a keyed part ({@code services: {live-chat: …}}) the same key. A comment whose
 * entry is gone goes before the next entry of the old order that is still there.
 */
final class ReferenceFormYaml {

    private static final YAMLMapper READ = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final YAMLMapper WRITE = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    private static final Pattern TOP_KEY = Pattern.compile("^([A-Za-z][\\w-]*):");

    private ReferenceFormYaml() {
    }

    /** The text's top-level mapping, in order, to change and write back. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> tree(String yaml) {
        try {
            Object value = yaml == null || yaml.isBlank() ? null : READ.readValue(yaml, Object.class);
            return value instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
        } catch (JsonProcessingException e) {
            // the form starts empty for a text that is not YAML; the YAML view shows what is wrong
            return new LinkedHashMap<>();
        }
    }

    /** The value at a dotted path of an item, or null. */
    static Object at(Object item, String path) {
        Object value = item;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    /** Puts a value at a dotted path of a row, making the mappings on the way. */
    @SuppressWarnings("unchecked")
    static void put(Map<String, Object> row, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> into = row;
        for (int i = 0; i < parts.length - 1; i++) {
            into = (Map<String, Object>) into.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        into.put(parts[parts.length - 1], value);
    }

    /** The tree as YAML, each top-level part under the comment that stood above it in the text it came from. */
    static String write(String basedOn, Map<String, Object> tree) {
        String text = basedOn == null ? "" : basedOn;
        Map<String, String> comments = comments(text);
        Map<String, Object> before = tree(text);
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Object> part : tree.entrySet()) {
            String comment = comments.get(part.getKey());
            if (comment != null) {
                out.append(comment);
            } else if (!out.isEmpty()) {
                out.append('\n');
            }
            Map<Integer, String> inside = inside(text, part.getKey(), before.get(part.getKey()), part.getValue());
            if (inside.isEmpty()) {
                out.append(yaml(part.getKey(), part.getValue()));
                continue;
            }
            out.append(part.getKey()).append(":\n");
            List<Object> entries = entries(part.getValue());
            for (int i = 0; i < entries.size(); i++) {
                out.append(inside.getOrDefault(i, ""));
                Object entry = entries.get(i);
                String one = yaml(part.getKey(), part.getValue() instanceof Map<?, ?>
                        ? Map.of(((Map.Entry<?, ?>) entry).getKey(), ((Map.Entry<?, ?>) entry).getValue()) : List.of(entry));
                out.append(one.substring(one.indexOf('\n') + 1));
            }
            out.append(inside.getOrDefault(entries.size(), ""));
        }
        return out.toString();
    }

    private static String yaml(String key, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(key, value);
        try {
            return WRITE.writeValueAsString(one);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A list's items, or a mapping's entries. */
    private static List<Object> entries(Object part) {
        if (part instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        if (part instanceof Map<?, ?> map) {
            return new ArrayList<>(map.entrySet());
        }
        return List.of();
    }

    /**
     * The comments that stood before entries of a top-level list (or mapping) in the text, by the
     * index of the entry of the new value they now stand before (its size: after the last); empty
     * when there are none or the text's entries cannot be told apart.
     */
    private static Map<Integer, String> inside(String text, String key, Object was, Object now) {
        List<Object> old = entries(was);
        List<Object> current = entries(now);
        if (old.isEmpty() || current.isEmpty()) {
            return Map.of();
        }
        // the part's lines: from its key to the next top-level key
        String[] lines = text.split("\n", -1);
        int start = -1;
        int end = lines.length;
        for (int i = 0; i < lines.length; i++) {
            Matcher top = TOP_KEY.matcher(lines[i]);
            if (top.find()) {
                if (start >= 0) {
                    end = i;
                    break;
                }
                if (top.group(1).equals(key)) {
                    start = i;
                }
            }
        }
        if (start < 0) {
            return Map.of();
        }
        // each entry's first line, and the comment block right above it
        Pattern entryLine = was instanceof Map<?, ?> ? Pattern.compile("^(\\s+)[^\\s#-][^:]*:") : Pattern.compile("^(\\s*)- ");
        String indent = null;
        List<String> blocks = new ArrayList<>();
        List<String> above = new ArrayList<>();
        for (int i = start + 1; i < end; i++) {
            String line = lines[i];
            Matcher entry = entryLine.matcher(line);
            if (entry.find() && (indent == null || entry.group(1).equals(indent))) {
                indent = entry.group(1);
                blocks.add(above.stream().anyMatch(l -> l.strip().startsWith("#")) ? String.join("\n", above) + "\n" : null);
                above.clear();
            } else if (line.isBlank() || line.strip().startsWith("#")) {
                above.add(line);
            } else {
                above.clear();
            }
        }
        if (blocks.size() != old.size() || blocks.stream().allMatch(b -> b == null)) {
            return Map.of();
        }
        Map<Integer, String> placed = new HashMap<>();
        for (int k = 0; k < blocks.size(); k++) {
            if (blocks.get(k) == null) {
                continue;
            }
            int at = current.size();
            for (int j = k; j < old.size() && at == current.size(); j++) {
                at = indexOf(current, old.get(j));
            }
            placed.merge(at, blocks.get(k), String::concat);
        }
        return placed;
    }

    /** Where the entry that is the same as an old one is now: the same key, or the same first field. */
    private static int indexOf(List<Object> current, Object old) {
        for (int i = 0; i < current.size(); i++) {
            if (same(old, current.get(i))) {
                return i;
            }
        }
        return current.size();
    }

    private static boolean same(Object old, Object now) {
        if (old instanceof Map.Entry<?, ?> a && now instanceof Map.Entry<?, ?> b) {
            return String.valueOf(a.getKey()).equals(String.valueOf(b.getKey()));
        }
        if (old instanceof Map<?, ?> a && now instanceof Map<?, ?> b) {
            if (a.isEmpty()) {
                return false;
            }
            Map.Entry<?, ?> first = a.entrySet().iterator().next();
            return first.getValue() != null && !(first.getValue() instanceof Map<?, ?>) && !(first.getValue() instanceof List<?>)
                    && String.valueOf(first.getValue()).equals(String.valueOf(b.get(first.getKey())));
        }
        return old != null && now != null && String.valueOf(old).equals(String.valueOf(now));
    }

    /** The comment lines (and blank lines) right above each top-level key. */
    private static Map<String, String> comments(String text) {
        Map<String, String> comments = new HashMap<>();
        List<String> above = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            Matcher key = TOP_KEY.matcher(line);
            if (key.find()) {
                if (!above.isEmpty()) {
                    comments.put(key.group(1), String.join("\n", above) + "\n");
                }
                above.clear();
            } else if (line.isBlank() || line.startsWith("#")) {
                above.add(line);
            } else {
                above.clear();
            }
        }
        return comments;
    }
}
