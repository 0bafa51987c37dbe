package org.minhu.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.cases.Categories;
import org.minhu.cases.Category;
import org.minhu.cases.DispatchRules;
import org.minhu.cases.Gazetteer;
import org.minhu.cases.Priority;
import org.minhu.common.ProblemException;
import org.minhu.knowledge.KnowledgeBase;
import org.minhu.knowledge.KnowledgeEntry;
import org.minhu.outbound.PlatformLimits;

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
 * Parts of a document the form does not show (the dispatch rules' emergencies, for one) are taken
 * over unchanged from the version the form was based on, as are the comments above each part.
 */
@ApplicationScoped
public class ReferenceForms {

    /** How a field is typed in. */
    public enum Kind {
        /** one line */
        TEXT,
        /** several lines */
        LONG,
        INTEGER,
        DECIMAL,
        /** a list, one item a line */
        LIST,
        /** one of given choices */
        SELECT,
        /** a handling unit: one already known, or a new one typed beside the select */
        UNIT
    }

    /**
     * A field of a row.
     *
     * @param path      where in the row's YAML ({@code name.zh-CN})
     * @param choices   for {@link Kind#SELECT}: which choices ({@code priority}, {@code category}, {@code area})
     * @param pattern   what a text must match, with {@code patternHelp} saying so in words
     * @param maxLength in characters, 0 for none
     * @param alias     an older name of the field, read when the path is absent
     */
    public record Column(String path, String label, String help, Kind kind, boolean required, String choices,
                         String pattern, String patternHelp, int maxLength, boolean unique, String alias) {

        public boolean isLong() {
            return kind == Kind.LONG || kind == Kind.LIST;
        }

        public boolean isSelect() {
            return kind == Kind.SELECT || kind == Kind.UNIT;
        }

        public boolean isUnit() {
            return kind == Kind.UNIT;
        }

        Column withPattern(String regex, String help) {
            return new Column(path, label, this.help, kind, required, choices, regex, help, maxLength, unique, alias);
        }

        Column withMax(int characters) {
            return new Column(path, label, help, kind, required, choices, pattern, patternHelp, characters, unique, alias);
        }

        Column asUnique() {
            return new Column(path, label, help, kind, required, choices, pattern, patternHelp, maxLength, true, alias);
        }

        Column withAlias(String older) {
            return new Column(path, label, help, kind, required, choices, pattern, patternHelp, maxLength, unique, older);
        }
    }

    /** One list of a document, shown as a table. */
    public record Section(String key, String title, String help, String rowName, int minRows, int maxRows,
                          List<Column> columns) {
    }

    /** A document's form: its tables, and what only its YAML view changes. */
    public record Schema(String document, List<Section> sections, String yamlOnly) {
        Optional<Section> section(String key) {
            return sections.stream().filter(s -> s.key().equals(key)).findFirst();
        }
    }

    /** A choice of a select. */
    public record Choice(String value, String label) {
    }

    /** A field as shown: its form key, the text in it, and for a select its choices. */
    public record Cell(Column column, String at, String value, List<Choice> choices, String typedUnit) {
        public boolean selected(String choice) {
            return choice.equals(value);
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
    private static final String NEW_UNIT = "new";
    static final String BLANK_ROW = "__ROW__";

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
    private static final Pattern PATH = Pattern.compile("^([A-Za-z][\\w-]*)\\[(\\d+)](?:\\.(.*))?$");

    private static final String CODE = "[a-z][a-z0-9-]{0,31}";
    private static final String CODE_HELP = "只能用小写字母、数字和“-”，以字母开头，最多 32 个";

    private final Map<String, Schema> schemas = new LinkedHashMap<>();
    private final Categories categories;
    private final DispatchRules rules;
    private final Labels labels;

    public ReferenceForms(Categories categories, DispatchRules rules, Labels labels) {
        this.categories = categories;
        this.rules = rules;
        this.labels = labels;
        schemas.put(Categories.DOCUMENT, new Schema(Categories.DOCUMENT, List.of(new Section("categories", "诉求类别",
                "居民反映问题时按此顺序选择类别；已有诉求使用的类别不能删除。", "类别", 1, PlatformLimits.MAX_CAROUSEL_CARDS, List.of(
                text("code", "代码", "保存在每件诉求上，使用中的类别不要改代码", true).withPattern(CODE, CODE_HELP).asUnique(),
                text("name.zh-CN", "名称（中文）", "显示在按钮和卡片上", true),
                text("name.en", "名称（英文）", null, true),
                text("description.zh-CN", "说明（中文）", "名称下的一行说明", true).withMax(Category.MAX_DESCRIPTION),
                text("description.en", "说明（英文）", null, true).withMax(Category.MAX_DESCRIPTION),
                new Column("unit", "承办单位", "派单给此单位；没有的单位选“其他单位”后填写", Kind.UNIT, true, null, null, null, 0, false, null),
                select("priority", "优先级", "A 最急", "priority", true),
                number("dueHours", "办理时限（小时）", "从受理到应办结的小时数"),
                list("keywords", "关键词", "每行一个；居民描述里出现时推荐此类别", true),
                list("examples", "示例", "居民常见的说法，每行一个（可不填）", false)))), null));
        schemas.put(DispatchRules.DOCUMENT, new Schema(DispatchRules.DOCUMENT, List.of(
                new Section("areas", "网格与社区", "以一点为圆心的范围；诉求地点落在第一个包含它的范围内。", "区域", 0, 0, List.of(
                        text("code", "代码", "指定承办单位引用此代码", true).asUnique(),
                        text("name", "名称", null, false),
                        text("grid", "网格", "派到的网格", true),
                        decimal("latitude", "纬度"),
                        decimal("longitude", "经度"),
                        decimal("radiusMeters", "半径（米）"))),
                new Section("assignments", "指定承办单位",
                        "某类别（在某区域）的诉求改由另一单位承办；按顺序第一条符合的生效。", "规则", 0, 0, List.of(
                        select("category", "类别", null, "category", true),
                        select("area", "区域", "不选则适用于所有区域", "area", false),
                        new Column("unit", "承办单位", "没有的单位选“其他单位”后填写", Kind.UNIT, true, null, null, null, 0, false, null))),
                new Section("declineReasons", "不予受理理由", "工作人员不予受理时从中选择；居民会看到理由和应去之处。", "理由", 0, 0, List.of(
                        text("code", "代码", "保存在诉求上，使用中的不要改", true).withPattern(CODE, CODE_HELP).asUnique(),
                        text("label.zh-CN", "理由（中文）", null, true),
                        text("label.en", "理由（英文）", null, true),
                        longText("elsewhere.zh-CN", "应去之处（中文）", null, true),
                        longText("elsewhere.en", "应去之处（英文）", null, true)))),
                "紧急情况、提升优先级的关键词、按优先级的办理时限、诉求类型和办理类别请在 YAML 视图中修改；用表单保存时它们保持不变。"));
        schemas.put(KnowledgeBase.DOCUMENT, new Schema(KnowledgeBase.DOCUMENT, List.of(new Section("entries", "知识库条目",
                "居民提问时按问题、同义词检索。", "条目", 1, 0, List.of(
                text("id", "代码", null, true).withPattern("[a-z0-9-]{1,64}", "只能用小写字母、数字和“-”，最多 64 个").asUnique(),
                text("topic", "主题", null, false),
                text("question.zh-CN", "问题（中文）", null, true),
                text("question.en", "问题（英文）", null, true),
                longText("answer.zh-CN", "回答（中文）", null, true).withMax(KnowledgeEntry.MAX_ANSWER),
                longText("answer.en", "回答（英文）", null, true).withMax(KnowledgeEntry.MAX_ANSWER),
                list("synonyms", "同义词", "每行一个", true).withAlias("keywords"),
                text("department.zh-CN", "承办部门（中文）", "可不填", false),
                text("department.en", "承办部门（英文）", "可不填", false),
                text("phone", "电话", "可不填，如 12345", false).withPattern("[0-9+][0-9-]{2,19}", "应为可拨打的号码，如 12345 或 0755-12345678")))),
                null));
        schemas.put(Gazetteer.DOCUMENT, new Schema(Gazetteer.DOCUMENT, List.of(new Section("places", "地名",
                "居民输入的地址按名称和别名查找，找到的地点决定所属社区和网格。", "地名", 1, 0, List.of(
                text("name", "名称", null, true),
                select("kind", "类型", null, "kind", true),
                list("aliases", "别名", "每行一个（可不填）", false),
                decimal("latitude", "纬度"),
                decimal("longitude", "经度")))),
                "用表单保存时，列表中间的注释（如各社区的小标题）不再保留；需要时请在 YAML 视图中编辑。"));
    }

    private static Column text(String path, String label, String help, boolean required) {
        return new Column(path, label, help, Kind.TEXT, required, null, null, null, 0, false, null);
    }

    private static Column longText(String path, String label, String help, boolean required) {
        return new Column(path, label, help, Kind.LONG, required, null, null, null, 0, false, null);
    }

    private static Column list(String path, String label, String help, boolean required) {
        return new Column(path, label, help, Kind.LIST, required, null, null, null, 0, false, null);
    }

    private static Column number(String path, String label, String help) {
        return new Column(path, label, help, Kind.INTEGER, true, null, null, null, 0, false, null);
    }

    private static Column decimal(String path, String label) {
        return new Column(path, label, null, Kind.DECIMAL, true, null, null, null, 0, false, null);
    }

    private static Column select(String path, String label, String help, String choices, boolean required) {
        return new Column(path, label, help, Kind.SELECT, required, choices, null, null, 0, false, null);
    }

    /** Whether a document has a form. */
    public boolean has(String document) {
        return schemas.containsKey(document);
    }

    // ---- document -> form ----

    /** What the form shows for a document's text: its fields filled from it. */
    public Typed typed(String document, String yaml) {
        Schema schema = schema(document);
        Map<String, Object> tree = tree(yaml);
        Map<String, List<Map<String, String>>> sections = new LinkedHashMap<>();
        for (Section section : schema.sections()) {
            List<Map<String, String>> rows = new ArrayList<>();
            if (tree.get(section.key()) instanceof List<?> items) {
                for (Object item : items) {
                    Map<String, String> row = new HashMap<>();
                    for (Column column : section.columns()) {
                        Object value = at(item, column.path());
                        if (value == null && column.alias() != null) {
                            value = at(item, column.alias());
                        }
                        row.put(column.path(), shown(value));
                    }
                    rows.add(row);
                }
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
            rows.get(parts[0]).computeIfAbsent(parts[1], k -> new HashMap<>()).put(parts[2], value);
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
        Map<String, Object> tree = tree(basedOn);
        for (Section section : schema.sections()) {
            tree.put(section.key(), rows(section, typed.sections().getOrDefault(section.key(), List.of())));
        }
        return write(basedOn, tree);
    }

    private List<Map<String, Object>> rows(Section section, List<Map<String, String>> typed) {
        if (typed.size() < section.minRows()) {
            throw refused(section.title() + "至少要有 " + section.minRows() + " 行");
        }
        if (section.maxRows() > 0 && typed.size() > section.maxRows()) {
            throw refused(section.title() + "最多 " + section.maxRows() + " 行，现在有 " + typed.size() + " 行");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Map<String, Integer>> seen = new HashMap<>();
        for (int i = 0; i < typed.size(); i++) {
            int number = i + 1;
            Map<String, Object> row = new LinkedHashMap<>();
            for (Column column : section.columns()) {
                String raw = typed.get(i).getOrDefault(column.path(), "");
                String where = section.title() + "第 " + number + " 行「" + column.label() + "」";
                Object value = value(column, raw, where);
                if (value == null) {
                    continue;
                }
                if (column.kind() == Kind.SELECT && choices(column.choices()).stream().noneMatch(c -> c.value().equals(value))) {
                    throw refused(where + "“" + value + "”不是可选的值，请从列表中选择");
                }
                if (column.unique()) {
                    Integer earlier = seen.computeIfAbsent(column.path(), k -> new HashMap<>()).putIfAbsent(raw.strip(), number);
                    if (earlier != null) {
                        throw refused(where + "“" + raw.strip() + "”与第 " + earlier + " 行重复");
                    }
                }
                put(row, column.path(), value);
            }
            pairs(section, row, number);
            rows.add(row);
        }
        return rows;
    }

    /** A text in two languages is written in both or, where it may be left out, in neither. */
    private static void pairs(Section section, Map<String, Object> row, int number) {
        for (Column column : section.columns()) {
            int dot = column.path().lastIndexOf('.');
            if (dot < 0) {
                continue;
            }
            String parent = column.path().substring(0, dot);
            if (row.get(parent) instanceof Map<?, ?> text && !text.containsKey(column.path().substring(dot + 1))) {
                throw refused(section.title() + "第 " + number + " 行「" + column.label() + "」不能为空：中文和英文要都填写"
                        + (column.required() ? "" : "，或都不填"));
            }
        }
    }

    private static Object value(Column column, String raw, String where) {
        String value = raw == null ? "" : raw.strip();
        if (column.kind() == Kind.LIST) {
            List<String> items = value.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (items.isEmpty()) {
                if (column.required()) {
                    throw refused(where + "不能为空，每行写一个");
                }
                return null;
            }
            return items;
        }
        if (value.isEmpty()) {
            if (column.required()) {
                throw refused(where + "不能为空");
            }
            return null;
        }
        switch (column.kind()) {
            case INTEGER -> {
                if (!value.matches("\\d{1,6}") || Integer.parseInt(value) <= 0) {
                    throw refused(where + "应为正整数，填写的是“" + value + "”");
                }
                return Integer.parseInt(value);
            }
            case DECIMAL -> {
                try {
                    double number = Double.parseDouble(value);
                    if (!Double.isFinite(number) || !value.matches("-?[0-9.]+")) {
                        throw new NumberFormatException();
                    }
                    return value.matches("-?\\d+") ? (Object) Long.parseLong(value) : (Object) number;
                } catch (NumberFormatException e) {
                    throw refused(where + "应为数字，填写的是“" + value + "”");
                }
            }
            default -> {
                if (column.pattern() != null && !value.matches(column.pattern())) {
                    throw refused(where + "填写的是“" + value + "”，" + column.patternHelp());
                }
                if (column.maxLength() > 0 && value.codePointCount(0, value.length()) > column.maxLength()) {
                    throw refused(where + "最多 " + column.maxLength() + " 个字，现在有 "
                            + value.codePointCount(0, value.length()) + " 个");
                }
                return value;
            }
        }
    }

    /**
     * Where a path of the document ({@code categories[3].dueHours}) is in the form: "诉求类别第 4 行「办理时限（小时）」";
     * null for a part the form does not show.
     */
    public String place(String document, String path) {
        Matcher m = PATH.matcher(path == null ? "" : path);
        if (!m.matches()) {
            return null;
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

    private static ProblemException refused(String detail) {
        return ProblemException.badRequest("form", "没有保存：" + detail);
    }

    private Schema schema(String document) {
        Schema schema = schemas.get(document);
        if (schema == null) {
            throw ProblemException.notFound("没有名为 " + document + " 的基础数据表单");
        }
        return schema;
    }

    // ---- YAML ----

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(String yaml) {
        try {
            Object value = yaml == null || yaml.isBlank() ? null : READ.readValue(yaml, Object.class);
            return value instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
        } catch (JsonProcessingException e) {
            // the form starts empty for a text that is not YAML; the YAML view shows what is wrong
            return new LinkedHashMap<>();
        }
    }

    private static Object at(Object item, String path) {
        Object value = item;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> row, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> into = row;
        for (int i = 0; i < parts.length - 1; i++) {
            into = (Map<String, Object>) into.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        into.put(parts[parts.length - 1], value);
    }

    private static String shown(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join("\n", list.stream().map(v -> v == null ? "" : String.valueOf(v)).toList());
        }
        return String.valueOf(value);
    }

    /** The tree as YAML, each top-level part under the comment that stood above it in the text it came from. */
    private static String write(String basedOn, Map<String, Object> tree) {
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
