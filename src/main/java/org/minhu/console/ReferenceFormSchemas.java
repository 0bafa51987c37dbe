package org.minhu.console;

import org.minhu.cases.Categories;
import org.minhu.cases.Category;
import org.minhu.cases.DispatchRules;
import org.minhu.cases.Gazetteer;
import org.minhu.conversation.WorkingHours;
import org.minhu.knowledge.KnowledgeBase;
import org.minhu.knowledge.KnowledgeEntry;
import org.minhu.outbound.PlatformLimits;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each reference document's form shows: its tables (one per list of the document) and their
 * columns, each with its label, its help, how it is typed in and what it must be. Declarations
 * only, apart from {@link ReferenceForms}, which fills them from a document and reads them back, so
 * that a field is added to a form here and nowhere else.
 */
public final class ReferenceFormSchemas {

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
        UNIT,
        /** some of given choices, a checkbox each (the days of the week) */
        CHECKS,
        /** a time of day, HH:MM */
        TIME,
        /** a list of dates, YYYY-MM-DD, a field each with 添加 and 删除 */
        DATES
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

        public boolean isChecks() {
            return kind == Kind.CHECKS;
        }

        public boolean isTime() {
            return kind == Kind.TIME;
        }

        public boolean isDates() {
            return kind == Kind.DATES;
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

    /**
     * One list of a document, shown as a table.
     *
     * @param keyedBy for a mapping rather than a list ({@code services: {live-chat: …}}): the column
     *                that holds each row's key; null for a list
     */
    public record Section(String key, String title, String help, String rowName, int minRows, int maxRows,
                          List<Column> columns, String keyedBy) {
        Section(String key, String title, String help, String rowName, int minRows, int maxRows, List<Column> columns) {
            this(key, title, help, rowName, minRows, maxRows, columns, null);
        }
    }

    /** A document's form: its tables, and what only its YAML view changes. */
    public record Schema(String document, List<Section> sections, String yamlOnly) {
        Optional<Section> section(String key) {
            return sections.stream().filter(s -> s.key().equals(key)).findFirst();
        }
    }

    private static final String CODE = "[a-z][a-z0-9-]{0,31}";
    /** The column of a keyed section's row key: not a field of the row in the document. */
    static final String KEY = "_key";
    private static final String CODE_HELP = "只能用小写字母、数字和“-”，以字母开头，最多 32 个";

    /** The forms, by the name of the document each shows. */
    static final Map<String, Schema> BY_DOCUMENT = byDocument();

    private ReferenceFormSchemas() {
    }

    private static Map<String, Schema> byDocument() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
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
                null));
        schemas.put(WorkingHours.DOCUMENT, new Schema(WorkingHours.DOCUMENT, List.of(new Section("services", "服务时间",
                "工作时间以外，居民要求人工服务时会被告知何时有人接待，机器人继续服务。时间按本市时间。", "服务", 1, 0, List.of(
                text(KEY, "代码", "程序按代码查找服务；人工服务一行的代码不要改，也不能删除这一行", true)
                        .withPattern(CODE, CODE_HELP).asUnique(),
                text("name", "名称", "告诉居民的服务名称，如 人工服务", true),
                new Column("days", "开放日", "每周哪几天开放", Kind.CHECKS, true, "day", null, null, 0, false, null),
                new Column("from", "开始时间", "时:分", Kind.TIME, true, null, null, null, 0, false, null),
                new Column("to", "结束时间", "时:分，须晚于开始时间", Kind.TIME, true, null, null, null, 0, false, null),
                new Column("closed", "休息日", "不论星期几都不开放的日期（节假日）", Kind.DATES, false, null, null, null, 0, false, null)),
                KEY)), null));
        return Collections.unmodifiableMap(schemas);
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
}
