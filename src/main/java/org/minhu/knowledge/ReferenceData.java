package org.minhu.knowledge;

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
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            detail = path(mapping.getPath()) + ": " + detail;
        }
        return new ReferenceDataException(source, line, column, detail, e);
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
