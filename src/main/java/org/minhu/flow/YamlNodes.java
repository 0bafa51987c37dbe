package org.minhu.flow;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads YAML as SnakeYAML nodes, which keep their line, so that every mistake in a flow or a
 * message bundle is reported with its file and line ({@link FlowDefinitionException}): a mapping
 * with each key once, a single value, a whole number, true or false, a required or an unknown key.
 * What the values mean is {@link FlowLoader}'s.
 */
final class YamlNodes {

    private YamlNodes() {
    }

    /** The text's root node, or the line where it stops being YAML; few aliases, so no alias bomb grows it. */
    static Node compose(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        try (Reader reader = new StringReader(text)) {
            Node node = new Yaml(options).compose(reader);
            if (node == null) {
                throw new FlowDefinitionException(file, 1, "the file is empty");
            }
            return node;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new FlowDefinitionException(file, line, "not valid YAML: " + e.getProblem());
        } catch (IOException e) {
            throw new FlowDefinitionException(file, 1, e.getMessage());
        }
    }

    /** Nested mappings of single values as one map with dotted keys, as a message bundle is read. */
    static void flatten(String file, String prefix, Map<String, Node> node, Map<String, String> into) {
        node.forEach((key, value) -> {
            String full = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof MappingNode) {
                flatten(file, full, mapping(file, value, full), into);
            } else {
                into.put(full, scalar(file, value, full));
            }
        });
    }

    static void unknownKeys(String file, Map<String, Node> m, Set<String> known, String what) {
        for (String key : m.keySet()) {
            if (!known.contains(key)) {
                throw new FlowDefinitionException(file, line(m.get(key)), "unknown " + what + " field '" + key + "'");
            }
        }
    }

    static Map<String, Node> mapping(String file, Node node, String what) {
        if (!(node instanceof MappingNode mapping)) {
            throw new FlowDefinitionException(file, line(node), what + " must be a mapping");
        }
        Map<String, Node> result = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(file, tuple.getKeyNode(), "a key");
            // compose() ignores LoaderOptions.setAllowDuplicateKeys: without this the last one would silently win
            if (result.put(key, tuple.getValueNode()) != null) {
                throw new FlowDefinitionException(file, line(tuple.getKeyNode()), "'" + key + "' is given twice");
            }
        }
        return result;
    }

    static String scalar(String file, Node node, String what) {
        if (!(node instanceof ScalarNode s)) {
            throw new FlowDefinitionException(file, line(node), what + " must be a single value");
        }
        return s.getValue();
    }

    /** The single value under a key the owner must have. */
    static String required(String file, Map<String, Node> m, Node owner, String key) {
        return scalar(file, required(m, owner, file, key), key);
    }

    /** The node under a key the owner must have; the owner's line when it is missing. */
    static Node required(Map<String, Node> m, Node owner, String file, String key) {
        Node value = m.get(key);
        if (value == null) {
            throw new FlowDefinitionException(file, line(owner), "'" + key + "' is required here");
        }
        return value;
    }

    static String optional(String file, Map<String, Node> m, String key, String what) {
        return m.containsKey(key) ? scalar(file, m.get(key), what == null ? key : what) : null;
    }

    static int integer(String file, Node node, String what) {
        String value = scalar(file, node, what);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new FlowDefinitionException(file, line(node), what + " must be a whole number, was '" + value + "'");
        }
    }

    static boolean bool(String file, Node node, String what) {
        String value = scalar(file, node, what);
        return switch (value) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new FlowDefinitionException(file, line(node), what + " must be true or false");
        };
    }

    static int line(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
