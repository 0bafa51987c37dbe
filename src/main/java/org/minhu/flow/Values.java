package org.minhu.flow;

import java.util.List;
import java.util.Map;

/** Reading dotted paths ({@code case.number}, {@code cases.0.title}) out of conversation values. */
public final class Values {

    private Values() {
    }

    public static Object get(Map<String, Object> vars, String path) {
        Object current = vars;
        for (String part : path.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(part);
            } else if (current instanceof List<?> list && part.matches("\\d+")) {
                int i = Integer.parseInt(part);
                current = i < list.size() ? list.get(i) : null;
            } else if (current instanceof List<?> list && part.equals("count")) {
                current = list.size();
            } else {
                return null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.valueOf(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (value instanceof List<?> list) {
            return (double) list.size();
        }
        return null;
    }

    /** A value as a resident reads it: whole numbers without ".0". */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value);
    }

    /** A deep, unmodifiable copy of JSON-like values (maps, lists, scalars); nulls in maps are dropped. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> copy(Map<String, ?> vars) {
        java.util.LinkedHashMap<String, Object> out = new java.util.LinkedHashMap<>();
        vars.forEach((k, v) -> {
            if (v != null) {
                out.put(k, copyValue(v));
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return copy((Map<String, ?>) m);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Values::copyValue).toList();
        }
        return v;
    }
}
