package org.minhu.reference;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the reference documents (categories, dispatch rules, knowledge base): the files shipped
 * under {@code src/main/resources/reference/}, and the versions admins save in the console, both
 * with the same strict parsing. A mistake in a shipped file stops the start with the file name
 * and line rather than surfacing later in a resident's conversation; in an admin's text it refuses
 * the save with the line.
 */
public final class ReferenceData {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .build();

    private ReferenceData() {
    }

    /** The text of a shipped file, as it is on the classpath. */
    public static String shipped(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param source names the text in messages: a file, or a document and version
     * @throws ReferenceDataException with the line and column where Jackson knows them
     */
    public static <T> T parse(String source, String yaml, Class<T> type) {
        if (yaml == null || yaml.isBlank()) {
            throw new ReferenceDataException(source, null, null, "the text is empty", null);
        }
        ObjectReader reader = YAML.readerFor(type);
        T value;
        try {
            value = reader.readValue(yaml);
        } catch (JsonProcessingException e) {
            throw refusal(source, e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ReferenceDataException(source, null, null, e.getMessage(), e);
        }
        if (value == null) {
            throw new ReferenceDataException(source, null, null, "the text has no content", null);
        }
        return value;
    }

    private static ReferenceDataException refusal(String source, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        Integer line = at == null || at.getLineNr() < 1 ? null : at.getLineNr();
        Integer column = at == null || at.getColumnNr() < 1 ? null : at.getColumnNr();
        // a check in a record's constructor (a category's unit, an answer's length) says it best itself
        Throwable cause = e.getCause();
        String detail = cause instanceof IllegalArgumentException || cause instanceof IllegalStateException
                ? cause.getMessage() : e.getOriginalMessage();
        detail = withoutClassNames(detail == null ? e.getClass().getSimpleName() : detail.strip());
        String chinese = chinese(e);
        if (chinese != null) {
            detail = chinese;
        } else if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            detail = path(mapping.getPath()) + ": " + detail;
        }
        String where = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty() ? path(mapping.getPath()) : null;
        return new ReferenceDataException(source, line, column, detail, where, e);
    }

    /**
     * Jackson's usual refusals said in Chinese for the admins who edit the documents, with where in
     * the document ({@code categories[3].priority}); null for the others (a document's own checks
     * already say what is wrong).
     */
    private static String chinese(JsonProcessingException e) {
        String where = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? "「" + path(m.getPath()) + "」" : "";
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : "；这里可以写的字段："
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining("、"));
            return where + "是不认识的字段（拼写或缩进有误？）" + known;
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            String allowed = target != null && target.isEnum()
                    ? "，可选：" + java.util.Arrays.toString(target.getEnumConstants()) : "，应为" + kind(target);
            return where + "的值 \"" + f.getValue() + "\" 不对" + allowed;
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
                && !(e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof IllegalStateException)) {
            String message = m.getOriginalMessage() == null ? "" : m.getOriginalMessage();
            if (message.startsWith("Missing required") || message.contains("missing")) {
                return where + "缺少必填的内容";
            }
            return where + "的写法不对，应为" + kind(m.getTargetType());
        }
        if (e instanceof com.fasterxml.jackson.core.JsonParseException) {
            return "不是有效的 YAML，请检查缩进（只用空格）、冒号后的空格和引号是否成对";
        }
        return null;
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "另一种写法";
        }
        if (type == String.class) {
            return "一段文字（不是列表或多行结构）";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "整数";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "数字";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true 或 false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "列表（每项一行，以“- ”开头）";
        }
        if (type.isEnum()) {
            return java.util.Arrays.toString(type.getEnumConstants()) + " 之一";
        }
        return "“名称: 值”形式的一组内容";
    }

    /** {@code categories[3].dueHours}: where in the document, as its author wrote it. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * Admins read these messages: {@code `org.minhu.cases.Priority`} becomes {@code Priority}, of
     * Jackson's "X, problem: (SomeException) Y" only Y, which names the value that is wrong, and of
     * the YAML parser's several lines only the ones that say what is wrong.
     */
    private static String withoutClassNames(String message) {
        int problem = message.lastIndexOf("problem: ");
        String specific = problem < 0 ? message : message.substring(problem + "problem: ".length());
        // the YAML parser quotes the line under the problem, indented; the line number says where already
        specific = specific.lines().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining("; "));
        return specific.replaceAll("`(?:[a-z][\\w$]*\\.)+([A-Z][\\w$]*)`", "$1")
                .replaceAll(" ?\\((?:class )?(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*\\) ?", " ")
                .strip();
    }
}
