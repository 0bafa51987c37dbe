package org.minhu.console;

import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.cases.Categories;
import org.minhu.cases.DispatchRules;
import org.minhu.common.ProblemException;
import org.minhu.console.ReferenceFormSchemas.Column;
import org.minhu.console.ReferenceFormSchemas.Kind;
import org.minhu.console.ReferenceFormSchemas.Schema;
import org.minhu.console.ReferenceFormSchemas.Section;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The reference documents as forms: each document's lists as tables (a row per category, area,
 * answer…), with selects where a field names a unit, a category or an area. A form is turned into
 * the document's YAML and saved through {@link org.minhu.console.ReferenceDocuments} like a text
 * typed in the YAML view, so both pass the same parsing and checks. Before that the form's own
 * checks refuse what they can in Chinese with the row and field; what only the document's checks
 * find is reported at the row and field its path names.
 * <p>
 * The forms' tables and columns are declared in {@link ReferenceFormSchemas}; the typed rows are
 * read and checked by {@link ReferenceFormRows}; the YAML is read and written, comments kept, by
 * {@link ReferenceFormYaml}. This class fills the forms, reads them back and names places in them.
 * <p>
 * Parts of a document the form does not show (the dispatch rules' emergencies, for one) are taken
 * over unchanged from the version the form was based on, as are the comments above each part.
 */
@ApplicationScoped
public class ReferenceForms {

    /** A choice of a select. */
    public record Choice(String value, String label) {
    }

    /** A field as shown: its form key, the text in it, and for a select its choices. */
    public record Cell(Column column, String at, String value, List<Choice> choices, String typedUnit) {
        public boolean selected(String choice) {
            return choice.equals(value);
        }

        /** For checkboxes: whether this one is ticked. */
        public boolean checked(String choice) {
            return items().contains(choice);
        }

        /** For a list of fields (dates): one item a line. */
        public List<String> items() {
            return value.lines().map(String::strip).filter(v -> !v.isEmpty()).toList();
        }
    }

    public record Row(String key, int number, List<Cell> cells) {
        /** The empty row "添加一行" copies. */
        public boolean isBlank() {
            return BLANK_ROW.equals(key);
        }
    }

    public record Table(Section section, List<Row> rows, Row blank) {
        /** The rows, then the blank one. */
        public List<Row> all() {
            List<Row> all = new ArrayList<>(rows);
            all.add(blank);
            return all;
        }
    }

    /** The form as the page shows it. */
    public record Form(String document, List<Table> tables, String yamlOnly) {
    }

    /** What a form's fields say: per table, its rows in order, each a map from field path to the text typed. */
    public record Typed(Map<String, List<Map<String, String>>> sections) {
    }

    /** The form key's parts: section, row, field path, and an optional part of a field. */
    static final String SEPARATOR = "|";
    /** Checkboxes: each ticked one sends its row's field and its value ("services|r0|days|MON"). */
    static final String PICK = "pick";
    private static final String NEW_UNIT = "new";
    static final String BLANK_ROW = "__ROW__";

    private static final Pattern PATH = Pattern.compile("^([A-Za-z][\\w-]*)\\[(\\d+)](?:\\.(.*))?$");

    private final Categories categories;
    private final DispatchRules rules;
    private final Labels labels;

    public ReferenceForms(Categories categories, DispatchRules rules, Labels labels) {
        this.categories = categories;
        this.rules = rules;
        this.labels = labels;
    }

    /** Whether a document has a form. */
    public boolean has(String document) {
        return ReferenceFormSchemas.BY_DOCUMENT.containsKey(document);
    }

    // ---- document -> form ----

    /** What the form shows for a document's text: its fields filled from it. */
    public Typed typed(String document, String yaml) {
        Schema schema = schema(document);
        Map<String, Object> tree = ReferenceFormYaml.tree(yaml);
        Map<String, List<Map<String, String>>> sections = new LinkedHashMap<>();
        for (Section section : schema.sections()) {
            List<Map<String, String>> rows = new ArrayList<>();
            List<Object> items = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            if (section.keyedBy() == null && tree.get(section.key()) instanceof List<?> list) {
                items.addAll(list);
            } else if (section.keyedBy() != null && tree.get(section.key()) instanceof Map<?, ?> map) {
                map.forEach((k, v) -> {
                    keys.add(String.valueOf(k));
                    items.add(v);
                });
            }
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                Map<String, String> row = new HashMap<>();
                if (section.keyedBy() != null) {
                    row.put(section.keyedBy(), keys.get(i));
                }
                for (Column column : section.columns()) {
                    if (column.path().equals(section.keyedBy())) {
                        continue;
                    }
                    Object value = ReferenceFormYaml.at(item, column.path());
                    if (value == null && column.alias() != null) {
                        value = ReferenceFormYaml.at(item, column.alias());
                    }
                    row.put(column.path(), shown(value));
                }
                rows.add(row);
            }
            sections.put(section.key(), rows);
        }
        return new Typed(sections);
    }

    /** The form with these fields, its selects offering what the running service knows. */
    public Form form(String document, Typed typed) {
        Schema schema = schema(document);
        List<Table> tables = new ArrayList<>();
        for (Section section : schema.sections()) {
            List<Map<String, String>> rows = typed.sections().getOrDefault(section.key(), List.of());
            List<Row> shown = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                shown.add(row(section, "r" + i, i + 1, rows.get(i)));
            }
            tables.add(new Table(section, shown, row(section, BLANK_ROW, 0, Map.of())));
        }
        return new Form(document, tables, schema.yamlOnly());
    }

    private Row row(Section section, String key, int number, Map<String, String> values) {
        List<Cell> cells = new ArrayList<>();
        for (Column column : section.columns()) {
            String value = values.getOrDefault(column.path(), "");
            String at = section.key() + SEPARATOR + key + SEPARATOR + column.path();
            if (column.kind() == Kind.UNIT) {
                List<Choice> units = new ArrayList<>(Stream.concat(Stream.of(""), units().stream())
                        .map(u -> new Choice(u, u.isEmpty() ? "其他单位（在右侧填写）" : u)).toList());
                boolean known = !value.isEmpty() && units.stream().anyMatch(c -> c.value().equals(value));
                cells.add(new Cell(column, at, known ? value : "", units, known ? "" : value));
            } else if (column.kind() == Kind.CHECKS) {
                cells.add(new Cell(column, at, value, choices(column.choices()), null));
            } else if (column.kind() == Kind.SELECT) {
                List<Choice> choices = new ArrayList<>(choices(column.choices()));
                if (!column.required() || value.isEmpty()) {
                    choices.add(0, new Choice("", column.required() ? "请选择" : "（不限）"));
                }
                if (!value.isEmpty() && choices.stream().noneMatch(c -> c.value().equals(value))) {
                    // kept as typed so that the refusal can name it
                    choices.add(new Choice(value, value + "（不存在）"));
                }
                cells.add(new Cell(column, at, value, choices, null));
            } else {
                cells.add(new Cell(column, at, value, List.of(), null));
            }
        }
        return new Row(key, number, cells);
    }

    private List<String> units() {
        return labels.getUnits();
    }

    private List<Choice> choices(String name) {
        return switch (name) {
            case "kind" -> List.of(new Choice("estate", "小区"), new Choice("road", "道路"), new Choice("landmark", "地标"),
                    new Choice("building", "楼宇"));
            case "day" -> List.of(new Choice("MON", "周一"), new Choice("TUE", "周二"), new Choice("WED", "周三"),
                    new Choice("THU", "周四"), new Choice("FRI", "周五"), new Choice("SAT", "周六"), new Choice("SUN", "周日"));
            case "priority" -> List.of(new Choice("A", "A 紧急"), new Choice("B", "B 较急"), new Choice("C", "C 一般"));
            case "category" -> categories.all().stream().map(c -> new Choice(c.code(), c.name().zh() + "（" + c.code() + "）")).toList();
            case "area" -> rules.areas().stream()
                    .map(a -> new Choice(a.code(), (a.name() == null ? a.grid() : a.name()) + "（" + a.code() + "）")).toList();
            default -> throw new IllegalArgumentException("no choices named " + name);
        };
    }

    // ---- form -> document ----

    /** The fields of a submitted form, in the page's order. */
    public Typed typed(String document, List<String> at, List<String> cell) {
        return typed(document, at, cell, List.of());
    }

    /**
     * The fields of a submitted form, in the page's order.
     *
     * @param picks the ticked checkboxes, each its row's field and its value ("services|r0|days|MON")
     */
    public Typed typed(String document, List<String> at, List<String> cell, List<String> picks) {
        Schema schema = schema(document);
        Map<String, Map<String, Map<String, String>>> rows = new LinkedHashMap<>();
        schema.sections().forEach(s -> rows.put(s.key(), new LinkedHashMap<>()));
        Map<String, String> newUnits = new HashMap<>();
        int n = Math.min(at == null ? 0 : at.size(), cell == null ? 0 : cell.size());
        for (int i = 0; i < n; i++) {
            String[] parts = at.get(i).split(Pattern.quote(SEPARATOR));
            if (parts.length < 3 || !rows.containsKey(parts[0]) || parts[1].equals(BLANK_ROW)) {
                continue;
            }
            String value = cell.get(i) == null ? "" : cell.get(i).replace("\r\n", "\n");
            if (parts.length == 4 && parts[3].equals(NEW_UNIT)) {
                newUnits.put(parts[0] + SEPARATOR + parts[1] + SEPARATOR + parts[2], value.strip());
                continue;
            }
            // a field sent more than once (a list of dates) is one item a line
            rows.get(parts[0]).computeIfAbsent(parts[1], k -> new HashMap<>()).merge(parts[2], value, (a, b) -> a + "\n" + b);
        }
        for (String pick : picks == null ? List.<String>of() : picks) {
            String[] parts = pick.split(Pattern.quote(SEPARATOR));
            if (parts.length != 4 || !rows.containsKey(parts[0]) || parts[1].equals(BLANK_ROW)) {
                continue;
            }
            rows.get(parts[0]).computeIfAbsent(parts[1], k -> new HashMap<>()).merge(parts[2], parts[3], (a, b) -> a + "\n" + b);
        }
        Map<String, List<Map<String, String>>> sections = new LinkedHashMap<>();
        rows.forEach((section, byKey) -> {
            List<Map<String, String>> list = new ArrayList<>();
            byKey.forEach((key, values) -> {
                schema.section(section).orElseThrow().columns().stream().filter(c -> c.kind() == Kind.UNIT).forEach(c -> {
                    String typedUnit = newUnits.get(section + SEPARATOR + key + SEPARATOR + c.path());
                    if (values.getOrDefault(c.path(), "").isBlank() && typedUnit != null) {
                        values.put(c.path(), typedUnit);
                    }
                });
                list.add(values);
            });
            sections.put(section, list);
        });
        return new Typed(sections);
    }

    /**
     * The document's YAML for a form: the form's tables laid into the text it was based on, whose
     * other parts and comments stay as they are.
     *
     * @throws ProblemException 400 naming the row and field of the first field that is wrong
     */
    public String yaml(String document, String basedOn, Typed typed) {
        Schema schema = schema(document);
        Map<String, Object> tree = ReferenceFormYaml.tree(basedOn);
        for (Section section : schema.sections()) {
            List<Map<String, Object>> rows = ReferenceFormRows.rows(section,
                    typed.sections().getOrDefault(section.key(), List.of()), this::choices);
            if (section.keyedBy() == null) {
                tree.put(section.key(), rows);
            } else {
                Map<String, Object> byKey = new LinkedHashMap<>();
                rows.forEach(row -> byKey.put(String.valueOf(row.remove(section.keyedBy())), row));
                tree.put(section.key(), byKey);
            }
        }
        return ReferenceFormYaml.write(basedOn, tree);
    }

    /**
     * Where a path of the document ({@code categories[3].dueHours}) is in the form: "诉求类别第 4 行「办理时限（小时）」";
     * null for a part the form does not show.
     */
    public String place(String document, String path) {
        return place(document, path, null);
    }

    /**
     * As {@link #place(String, String)}; for a table keyed by a column ({@code services.live-chat.to}),
     * the row is found among the rows typed.
     */
    public String place(String document, String path, Typed typed) {
        Matcher m = PATH.matcher(path == null ? "" : path);
        if (!m.matches()) {
            m = keyed(document, path, typed);
            if (m == null) {
                return null;
            }
        }
        Optional<Section> section = schema(document).section(m.group(1));
        if (section.isEmpty()) {
            return null;
        }
        String where = section.get().title() + "第 " + (Integer.parseInt(m.group(2)) + 1) + " 行";
        String rest = m.group(3);
        if (rest == null) {
            return where;
        }
        return section.get().columns().stream()
                .filter(c -> rest.equals(c.path()) || rest.startsWith(c.path() + ".") || rest.startsWith(c.path() + "["))
                .findFirst().map(c -> where + "「" + c.label() + "」").orElse(where);
    }

    /** A keyed path ({@code services.live-chat.to}) as the row path it stands for ({@code services[0].to}). */
    private Matcher keyed(String document, String path, Typed typed) {
        if (path == null || typed == null) {
            return null;
        }
        for (Section section : schema(document).sections()) {
            if (section.keyedBy() == null || !path.startsWith(section.key() + ".")) {
                continue;
            }
            String rest = path.substring(section.key().length() + 1);
            List<Map<String, String>> rows = typed.sections().getOrDefault(section.key(), List.of());
            for (int i = 0; i < rows.size(); i++) {
                String key = rows.get(i).getOrDefault(section.keyedBy(), "").strip();
                if (!key.isEmpty() && (rest.equals(key) || rest.startsWith(key + "."))) {
                    Matcher m = PATH.matcher(section.key() + "[" + i + "]" + rest.substring(key.length()));
                    return m.matches() ? m : null;
                }
            }
        }
        return null;
    }

    private Schema schema(String document) {
        Schema schema = ReferenceFormSchemas.BY_DOCUMENT.get(document);
        if (schema == null) {
            throw ProblemException.notFound("没有名为 " + document + " 的基础数据表单");
        }
        return schema;
    }

    /** A value as its field shows it: a list one item a line. */
    private static String shown(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join("\n", list.stream().map(v -> v == null ? "" : String.valueOf(v)).toList());
        }
        return String.valueOf(value);
    }
}
