package org.minhu.open311;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of a posted service request by name, whether it came form-encoded (as GeoReport v2
 * clients send it) or as a JSON object, so both are checked by the same code. Attributes come as
 * {@code attribute[code]=value}, {@code attribute[code][]=value} for each value of a
 * multivaluelist, or in JSON also as {@code "attribute": {"code": value or [values]}}.
 */
final class RequestFields {

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]*)](?:\\[])?");

    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private final Map<String, List<String>> attributes = new LinkedHashMap<>();

    private RequestFields() {
    }

    /** @throws GeoReportException 400 when the body is not a valid form encoding */
    static RequestFields fromForm(String body, Charset charset) {
        RequestFields read = new RequestFields();
        if (body == null || body.isBlank()) {
            return read;
        }
        for (String pair : body.strip().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
                read.add(name, value);
            } catch (IllegalArgumentException e) {
                throw GeoReportException.badRequest("the form is not validly encoded: " + e.getMessage());
            }
        }
        return read;
    }

    /** @throws GeoReportException 400 when the JSON is not an object of values */
    static RequestFields fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw GeoReportException.badRequest("the JSON body must be an object of the request's fields");
        }
        RequestFields read = new RequestFields();
        body.properties().forEach(field -> {
            if (field.getKey().equals("attribute") && field.getValue().isObject()) {
                field.getValue().properties().forEach(attribute ->
                        read.attributes.computeIfAbsent(attribute.getKey(), k -> new ArrayList<>())
                                .addAll(values("attribute[" + attribute.getKey() + "]", attribute.getValue())));
            } else {
                values(field.getKey(), field.getValue()).forEach(value -> read.add(field.getKey(), value));
            }
        });
        return read;
    }

    private static List<String> values(String name, JsonNode node) {
        if (node.isNull()) {
            return List.of();
        }
        if (node.isValueNode()) {
            return List.of(node.asText());
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            for (JsonNode element : node) {
                if (!element.isValueNode()) {
                    throw GeoReportException.badRequest(GeoReportException.shown(name) + " must be a value or a list of values");
                }
                if (!element.isNull()) {
                    values.add(element.asText());
                }
            }
            return values;
        }
        throw GeoReportException.badRequest(GeoReportException.shown(name) + " must be a value or a list of values");
    }

    void add(String name, String value) {
        Matcher attribute = ATTRIBUTE.matcher(name);
        if (attribute.matches()) {
            attributes.computeIfAbsent(attribute.group(1), k -> new ArrayList<>()).add(value);
        } else {
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    /** The first non-blank value of the field, stripped; null when there is none. */
    String first(String name) {
        return fields.getOrDefault(name, List.of()).stream()
                .filter(value -> value != null && !value.isBlank())
                .map(String::strip)
                .findFirst()
                .orElse(null);
    }

    /** Attribute code to the values sent for it. */
    Map<String, List<String>> attributes() {
        return attributes;
    }
}
