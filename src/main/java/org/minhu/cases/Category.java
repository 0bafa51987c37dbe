package org.minhu.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.minhu.reference.LocalizedText;
import org.minhu.reference.TextIndex;

import java.util.List;

/**
 * A kind of request and who handles it: the unit a case is dispatched to, its priority, and how
 * many hours the unit has to resolve it.
 */
public record Category(String code, LocalizedText name, LocalizedText description, String unit,
                       Priority priority, int dueHours, List<String> keywords, List<String> examples) {

    /** A description shows under the name on a card; longer ones are cut off on small screens. */
    public static final int MAX_DESCRIPTION = 60;

    @JsonCreator
    public Category(@JsonProperty(value = "code", required = true) String code,
                    @JsonProperty(value = "name", required = true) LocalizedText name,
                    @JsonProperty(value = "description", required = true) LocalizedText description,
                    @JsonProperty(value = "unit", required = true) String unit,
                    @JsonProperty(value = "priority", required = true) Priority priority,
                    @JsonProperty(value = "dueHours", required = true) int dueHours,
                    @JsonProperty(value = "keywords", required = true) List<String> keywords,
                    @JsonProperty("examples") @com.fasterxml.jackson.annotation.JsonSetter(
                            nulls = com.fasterxml.jackson.annotation.Nulls.AS_EMPTY) List<String> examples) {
        if (code == null || !code.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("category code must be 1–32 of a-z, 0-9 and '-', was " + code);
        }
        for (String text : List.of(description.zh(), description.en())) {
            if (text.codePointCount(0, text.length()) > MAX_DESCRIPTION) {
                throw new IllegalArgumentException("description of " + code + " is over " + MAX_DESCRIPTION + " characters");
            }
        }
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("category " + code + " needs a unit");
        }
        if (dueHours <= 0) {
            throw new IllegalArgumentException("dueHours of " + code + " must be positive");
        }
        if (keywords == null || keywords.isEmpty() || keywords.stream().anyMatch(k -> k == null || k.isBlank())) {
            throw new IllegalArgumentException("category " + code + " needs keywords, none blank");
        }
        this.code = code;
        this.name = name;
        this.description = description;
        this.unit = unit.strip();
        this.priority = priority;
        this.dueHours = dueHours;
        this.keywords = keywords.stream().map(TextIndex::normalize).map(String::strip).toList();
        this.examples = examples == null ? List.of()
                : examples.stream().filter(e -> e != null && !e.isBlank()).map(String::strip).toList();
    }
}
