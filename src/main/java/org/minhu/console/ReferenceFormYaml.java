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
 * the comment lines that stood above each top-level part kept, which a YAML library would drop.
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
        Map<String, String> comments = comments(basedOn == null ? "" : basedOn);
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Object> part : tree.entrySet()) {
            String comment = comments.get(part.getKey());
            if (comment != null) {
                out.append(comment);
            } else if (!out.isEmpty()) {
                out.append('\n');
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put(part.getKey(), part.getValue());
            try {
                out.append(WRITE.writeValueAsString(one));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
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
