package org.minhu.flow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition over collected values, written for people who are not programmers:
 * {@code nearby.count > 0}, {@code rating == 'UNSATISFIED'}, {@code photo is set},
 * {@code cases is empty}, joined with {@code and}, {@code or}, {@code not}.
 */
public final class Condition {

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(==|!=|>=|<=|>|<)|('(?:[^'])*'|\"(?:[^\"])*\")|(-?\\d+(?:\\.\\d+)?)|([A-Za-z_][A-Za-z0-9_.-]*))");

    private interface Node {
        boolean test(Map<String, Object> vars);
    }

    private final String source;
    private final Node root;
    private final Set<String> paths;

    private Condition(String source, Node root, Set<String> paths) {
        this.source = source;
        this.root = root;
        this.paths = paths;
    }

    public static Condition parse(String source) {
        List<String> tokens = tokenize(source);
        Set<String> paths = new HashSet<>();
        Parser parser = new Parser(tokens, paths);
        Node node = parser.or();
        if (parser.pos != tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + tokens.get(parser.pos) + "' in condition: " + source);
        }
        return new Condition(source, node, Set.copyOf(paths));
    }

    public boolean test(Map<String, Object> vars) {
        return root.test(vars);
    }

    /** The variable paths the condition reads, for validation. */
    public Set<String> paths() {
        return paths;
    }

    @Override
    public String toString() {
        return source;
    }

    private static List<String> tokenize(String source) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(source);
        int at = 0;
        while (at < source.length()) {
            if (source.substring(at).isBlank()) {
                break;
            }
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("cannot read condition at '" + source.substring(at).strip() + "'");
            }
            tokens.add(m.group().strip());
            at = m.end();
        }
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("empty condition");
        }
        return tokens;
    }

    private static final class Parser {
        final List<String> tokens;
        final Set<String> paths;
        int pos;

        Parser(List<String> tokens, Set<String> paths) {
            this.tokens = tokens;
            this.paths = paths;
        }

        String peek() {
            return pos < tokens.size() ? tokens.get(pos) : null;
        }

        String next() {
            if (pos >= tokens.size()) {
                throw new IllegalArgumentException("condition ends too early");
            }
            return tokens.get(pos++);
        }

        Node or() {
            Node left = and();
            while ("or".equals(peek())) {
                next();
                Node l = left;
                Node r = and();
                left = v -> l.test(v) || r.test(v);
            }
            return left;
        }

        Node and() {
            Node left = not();
            while ("and".equals(peek())) {
                next();
                Node l = left;
                Node r = not();
                left = v -> l.test(v) && r.test(v);
            }
            return left;
        }

        Node not() {
            if ("not".equals(peek())) {
                next();
                Node inner = not();
                return v -> !inner.test(v);
            }
            return comparison();
        }

        Node comparison() {
            String path = next();
            if (!path.matches("[A-Za-z_][A-Za-z0-9_.-]*") || List.of("and", "or", "not", "is").contains(path)) {
                throw new IllegalArgumentException("expected a variable, found '" + path + "'");
            }
            paths.add(path);
            String op = next();
            if ("is".equals(op)) {
                String what = next();
                return switch (what) {
                    case "set" -> v -> !isEmpty(Values.get(v, path));
                    case "empty" -> v -> isEmpty(Values.get(v, path));
                    default -> throw new IllegalArgumentException("expected 'is set' or 'is empty'");
                };
            }
            if (!List.of("==", "!=", ">", ">=", "<", "<=").contains(op)) {
                throw new IllegalArgumentException("expected a comparison after " + path + ", found '" + op + "'");
            }
            Object literal = literal(next());
            return v -> compare(Values.get(v, path), op, literal);
        }

        static Object literal(String token) {
            if (token.startsWith("'") || token.startsWith("\"")) {
                return token.substring(1, token.length() - 1);
            }
            if (token.equals("true") || token.equals("false")) {
                return Boolean.valueOf(token);
            }
            try {
                return Double.valueOf(token);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a value, found '" + token + "'");
            }
        }
    }

    static boolean isEmpty(Object value) {
        return value == null || value instanceof String s && s.isEmpty()
                || value instanceof java.util.Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty();
    }

    private static boolean compare(Object actual, String op, Object literal) {
        if (literal instanceof Double d) {
            Double a = Values.number(actual);
            if (a == null) {
                return op.equals("!=");
            }
            int c = Double.compare(a, d);
            return switch (op) {
                case "==" -> c == 0;
                case "!=" -> c != 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                default -> c <= 0;
            };
        }
        boolean equal = actual != null && String.valueOf(actual).equals(String.valueOf(literal));
        return switch (op) {
            case "==" -> equal;
            case "!=" -> !equal;
            default -> false;
        };
    }
}
