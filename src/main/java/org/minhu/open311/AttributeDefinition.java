package org.minhu.open311;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.minhu.reference.LocalizedText;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A question a service asks besides the description: a GeoReport v2 attribute, read from
 * {@code reference/open311-attributes.yaml}.
 */
record AttributeDefinition(String code, Datatype datatype, boolean required, LocalizedText description,
                           LocalizedText datatypeDescription, List<AttributeValue> values) {

    /** The answer types GeoReport v2 names. */
    enum Datatype {
        @JsonProperty("string") STRING,
        @JsonProperty("number") NUMBER,
        @JsonProperty("datetime") DATETIME,
        @JsonProperty("text") TEXT,
        @JsonProperty("singlevaluelist") SINGLEVALUELIST,
        @JsonProperty("multivaluelist") MULTIVALUELIST;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean isList() {
            return this == SINGLEVALUELIST || this == MULTIVALUELIST;
        }
    }

    /** One answer of a list attribute: the key a client sends and the name it shows. */
    record AttributeValue(String key, LocalizedText name) {
        @JsonCreator
        AttributeValue(@JsonProperty(value = "key", required = true) String key,
                       @JsonProperty(value = "name", required = true) LocalizedText name) {
            if (key == null || key.isBlank() || name == null) {
                throw new IllegalArgumentException("a value needs a key and a name");
            }
            this.key = key.strip();
            this.name = name;
        }
    }

    static final int MAX_STRING = 200;
    static final int MAX_TEXT = 2000;
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    @JsonCreator
    AttributeDefinition(@JsonProperty(value = "code", required = true) String code,
                        @JsonProperty(value = "datatype", required = true) Datatype datatype,
                        @JsonProperty(value = "required", required = true) boolean required,
                        @JsonProperty(value = "description", required = true) LocalizedText description,
                        @JsonProperty("datatype_description") LocalizedText datatypeDescription,
                        @JsonProperty("values") List<AttributeValue> values) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("attribute code must be 1–32 of a-z, 0-9 and '_', was " + code);
        }
        if (datatype == null || description == null) {
            throw new IllegalArgumentException("attribute " + code + " needs a datatype and a description");
        }
        List<AttributeValue> listed = values == null ? List.of() : List.copyOf(values);
        if (datatype.isList() && listed.isEmpty()) {
            throw new IllegalArgumentException("attribute " + code + " is a " + datatype.wireName() + " and needs values");
        }
        if (!datatype.isList() && !listed.isEmpty()) {
            throw new IllegalArgumentException("attribute " + code + " is a " + datatype.wireName() + " and takes no values");
        }
        Set<String> keys = new HashSet<>();
        for (AttributeValue value : listed) {
            if (!keys.add(value.key())) {
                throw new IllegalArgumentException("attribute " + code + " has the value " + value.key() + " twice");
            }
        }
        this.code = code;
        this.datatype = datatype;
        this.required = required;
        this.description = description;
        this.datatypeDescription = datatypeDescription;
        this.values = listed;
    }

    /**
     * The answer to keep for what a client sent: a string, or the list of keys of a
     * multivaluelist in the order they are defined; null when nothing was sent.
     *
     * @throws GeoReportException 400 naming the attribute when the answer does not fit
     */
    Object answer(List<String> given, String language) {
        List<String> sent = given == null ? List.of()
                : given.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
        if (sent.isEmpty()) {
            if (required) {
                throw refused("is required (" + description.in(language) + ")");
            }
            return null;
        }
        if (datatype == Datatype.MULTIVALUELIST) {
            sent.stream().filter(v -> !isKey(v)).findFirst().ifPresent(v -> {
                throw refused("has no value " + GeoReportException.shown(v) + "; use one of " + keys());
            });
            return values.stream().map(AttributeValue::key).filter(sent::contains).toList();
        }
        if (sent.size() > 1) {
            throw refused("takes one value");
        }
        String value = sent.get(0);
        return switch (datatype) {
            case STRING -> within(value, MAX_STRING);
            case TEXT -> within(value, MAX_TEXT);
            case NUMBER -> number(value);
            case DATETIME -> datetime(value);
            case SINGLEVALUELIST -> {
                if (!isKey(value)) {
                    throw refused("has no value " + GeoReportException.shown(value) + "; use one of " + keys());
                }
                yield value;
            }
            case MULTIVALUELIST -> throw new IllegalStateException("handled above");
        };
    }

    private String within(String value, int limit) {
        if (value.codePointCount(0, value.length()) > limit) {
            throw refused("is over " + limit + " characters");
        }
        return value;
    }

    private String number(String value) {
        try {
            return new BigDecimal(value).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            throw refused("is a number, not " + GeoReportException.shown(value));
        }
    }

    private String datetime(String value) {
        try {
            return OffsetDateTime.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw refused("is a date and time with its offset (ISO 8601, e.g. 2026-06-01T10:00:00+08:00)");
        }
    }

    private boolean isKey(String value) {
        return values.stream().anyMatch(v -> v.key().equals(value));
    }

    private List<String> keys() {
        return values.stream().map(AttributeValue::key).toList();
    }

    private GeoReportException refused(String why) {
        return GeoReportException.badRequest("attribute[" + code + "] " + why);
    }
}
