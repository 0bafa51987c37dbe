package org.minhu.flow;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message bundles, one per language; templates fill {variables} from the conversation. A flow's own
 * texts are laid over the shared bundles with {@link #with(Map)}.
 */
public final class Messages {

    public static final String DEFAULT_LANGUAGE = "zh-CN";
    /** {@code {path}} or {@code {path|text if empty}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.-]*)(?:\\|([^}]*))?}");

    private final Map<String, Map<String, String>> bundles;
    private final Messages parent;

    public Messages(Map<String, Map<String, String>> bundles) {
        this(bundles, null);
    }

    private Messages(Map<String, Map<String, String>> bundles, Messages parent) {
        this.bundles = Map.copyOf(bundles);
        this.parent = parent;
    }

    /** These bundles with {@code own} texts first; cheap, nothing is copied. */
    public Messages with(Map<String, Map<String, String>> own) {
        return own == null || own.isEmpty() ? this : new Messages(own, this);
    }

    public Set<String> languages() {
        if (parent == null) {
            return bundles.keySet();
        }
        Set<String> all = new LinkedHashSet<>(parent.languages());
        all.addAll(bundles.keySet());
        return all;
    }

    public boolean has(String language, String key) {
        return lookup(language, key) != null;
    }

    /** This layer's own texts, without the shared bundles under them. */
    public Map<String, Map<String, String>> own() {
        return bundles;
    }

    private String lookup(String language, String key) {
        Map<String, String> bundle = bundles.get(language);
        String template = bundle == null ? null : bundle.get(key);
        if (template == null && parent != null) {
            template = parent.lookup(language, key);
        }
        return template;
    }

    public String template(String language, String key) {
        String template = languages().contains(language) ? lookup(language, key) : null;
        if (template == null) {
            template = lookup(DEFAULT_LANGUAGE, key);
        }
        return template == null ? key : template;
    }

    public String render(String language, String key, Map<String, Object> vars) {
        return fill(template(language, key), vars);
    }

    public static String fill(String template, Map<String, Object> vars) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = Values.text(Values.get(vars, m.group(1)));
            if (value.isEmpty() && m.group(2) != null) {
                value = m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The variable paths a template reads. */
    public static Set<String> placeholders(String template) {
        Set<String> paths = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            paths.add(m.group(1));
        }
        return paths;
    }

    /** A template's length with its placeholders left out: the least any rendering can be. */
    public static int fixedLength(String template) {
        String fixed = PLACEHOLDER.matcher(template).replaceAll("");
        return fixed.codePointCount(0, fixed.length());
    }
}
