package org.minhu.mockcarrier.platform;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading fields of a request body, refusing it with 20002 and the field's path when a rule fails. */
final class Fields {

    private Fields() {
    }

    static JsonNode object(JsonNode parent, String name, String path) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            throw PlatformError.badParameter(path + " is required");
        }
        if (!value.isObject()) {
            throw PlatformError.badParameter(path + " must be an object");
        }
        return value;
    }

    static JsonNode array(JsonNode parent, String name, String path) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            throw PlatformError.badParameter(path + " is required");
        }
        if (!value.isArray()) {
            throw PlatformError.badParameter(path + " must be an array");
        }
        if (value.isEmpty()) {
            throw PlatformError.badParameter(path + " must not be empty");
        }
        return value;
    }

    static String text(JsonNode parent, String name, String path) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            throw PlatformError.badParameter(path + " is required");
        }
        return nonEmptyText(value, path);
    }

    /** An optional text: absent is fine, present must be a non-empty string (never sent empty). */
    static String optionalText(JsonNode parent, String name, String path) {
        if (!parent.has(name)) {
            return null;
        }
        JsonNode value = parent.get(name);
        if (value.isNull()) {
            throw PlatformError.badParameter(path + " must be omitted rather than sent empty");
        }
        return nonEmptyText(value, path);
    }

    static boolean bool(JsonNode parent, String name, String path) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            throw PlatformError.badParameter(path + " is required");
        }
        if (!value.isBoolean()) {
            throw PlatformError.badParameter(path + " must be true or false");
        }
        return value.booleanValue();
    }

    static String oneOf(JsonNode parent, String name, String path, String... allowed) {
        String value = text(parent, name, path);
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw PlatformError.badParameter(path + " must be one of " + String.join(", ", allowed) + ", not '"
                + value + "'");
    }

    /** Characters as a person counts them, so a Chinese character or an emoji is one. */
    static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    static void lengthBetween(String value, int min, int max, String path) {
        int length = length(value);
        if (length < min || length > max) {
            throw PlatformError.badParameter(path + " must be " + min + "–" + max + " characters, not " + length);
        }
    }

    private static String nonEmptyText(JsonNode value, String path) {
        if (!value.isTextual()) {
            throw PlatformError.badParameter(path + " must be a string");
        }
        if (value.asText().isBlank()) {
            throw PlatformError.badParameter(path + " must not be empty");
        }
        return value.asText();
    }
}
