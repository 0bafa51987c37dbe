package org.minhu.console;

import org.minhu.common.ProblemException;
import org.minhu.console.ReferenceFormSchemas.Column;
import org.minhu.console.ReferenceFormSchemas.Kind;
import org.minhu.console.ReferenceFormSchemas.Section;
import org.minhu.console.ReferenceForms.Choice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.minhu.console.ReferenceFormYaml.put;

/**
 * A table's rows as the admin typed them, made into the document's rows: each field read as its
 * kind (a list, a whole number, a decimal, a text) and checked — required, pattern, length, one of
 * the choices, unique in its column, a text in both languages or neither — before the document's
 * own checks run. The first wrong field is refused in Chinese, naming its row and field.
 */
final class ReferenceFormRows {

    private ReferenceFormRows() {
    }

    /**
     * The section's rows for the document, in the order typed.
     *
     * @param choices a select's choices by their name, as the page offered them
     * @throws ProblemException 400 naming the row and field of the first field that is wrong
     */
    static List<Map<String, Object>> rows(Section section, List<Map<String, String>> typed,
                                          Function<String, List<Choice>> choices) {
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
                Object value = column.kind() == Kind.CHECKS ? checks(column, raw, where, choices.apply(column.choices()))
                        : value(column, raw, where);
                if (value == null) {
                    continue;
                }
                if (column.kind() == Kind.SELECT && choices.apply(column.choices()).stream().noneMatch(c -> c.value().equals(value))) {
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

    /** The ticked choices, in the choices' order (周一 before 周二 whatever the order sent). */
    private static List<String> checks(Column column, String raw, String where, List<Choice> choices) {
        List<String> ticked = raw == null ? List.of() : raw.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String value : ticked) {
            if (choices.stream().noneMatch(c -> c.value().equals(value))) {
                throw refused(where + "“" + value + "”不是可选的值");
            }
        }
        if (ticked.isEmpty() && column.required()) {
            throw refused(where + "至少要选一项");
        }
        return choices.stream().map(Choice::value).filter(ticked::contains).toList();
    }

    private static Object value(Column column, String raw, String where) {
        String value = raw == null ? "" : raw.strip();
        if (column.kind() == Kind.DATES) {
            List<String> dates = value.lines().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
            for (String date : dates) {
                try {
                    java.time.LocalDate.parse(date);
                } catch (java.time.format.DateTimeParseException e) {
                    throw refused(where + "“" + date + "”不是日期，应写作 年-月-日，如 2026-10-01");
                }
            }
            if (dates.isEmpty() && column.required()) {
                throw refused(where + "至少要有一个日期");
            }
            return dates;
        }
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
            case TIME -> {
                if (!value.matches("\\d{1,2}:\\d{2}")) {
                    throw refused(where + "应写作 时:分，如 08:30，填写的是“" + value + "”");
                }
                String time = value.length() == 4 ? "0" + value : value;
                try {
                    java.time.LocalTime.parse(time);
                } catch (java.time.format.DateTimeParseException e) {
                    throw refused(where + "“" + value + "”不是一天中的时间，应在 00:00 到 23:59 之间");
                }
                return time;
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

    private static ProblemException refused(String detail) {
        return ProblemException.badRequest("form", "没有保存：" + detail);
    }
}
