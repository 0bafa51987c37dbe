package org.minhu.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.knowledge.ReferenceData;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes a new case by the rules in {@code reference/dispatch-rules.yaml}: the category's unit,
 * the grid whose area holds the place, and a priority raised by urgent words in the description.
 */
@ApplicationScoped
@Startup
public class DispatchRules {

    public record Area(String code, String name, String grid, double latitude, double longitude, double radiusMeters) {
    }

    public record Rules(List<Area> areas, Map<Priority, List<String>> keywords, Map<Priority, Integer> resolveHours) {
        @JsonCreator
        public Rules(@JsonProperty("areas") List<Area> areas,
                     @JsonProperty("keywords") Map<Priority, List<String>> keywords,
                     @JsonProperty("resolveHours") Map<Priority, Integer> resolveHours) {
            this.areas = areas == null ? List.of() : List.copyOf(areas);
            this.keywords = keywords == null ? Map.of() : Map.copyOf(keywords);
            this.resolveHours = resolveHours == null ? Map.of() : Map.copyOf(resolveHours);
        }
    }

    /** Where a case goes. */
    public record Route(String unit, String grid, Priority priority, int resolveHours) {
    }

    private final Rules rules;
    private final Categories categories;

    public DispatchRules(Categories categories) {
        this.categories = categories;
        this.rules = ReferenceData.read("reference/dispatch-rules.yaml", Rules.class);
    }

    public List<Area> areas() {
        return rules.areas();
    }

    public Route route(String categoryCode, String description, Double latitude, Double longitude) {
        Category category = categories.find(categoryCode)
                .orElseThrow(() -> new IllegalArgumentException("unknown category " + categoryCode));
        Priority priority = category.priority();
        for (Priority p : List.of(Priority.A, Priority.B)) {
            if (p.compareTo(priority) < 0 && description != null
                    && rules.keywords().getOrDefault(p, List.of()).stream().anyMatch(description::contains)) {
                priority = p;
                break;
            }
        }
        int hours = Math.min(category.dueHours(), rules.resolveHours().getOrDefault(priority, category.dueHours()));
        return new Route(category.unit(), area(latitude, longitude).map(Area::grid).orElse(null), priority, hours);
    }

    public Optional<Area> area(Double latitude, Double longitude) {
        if (latitude == null || longitude == null) {
            return Optional.empty();
        }
        return rules.areas().stream()
                .filter(a -> Geo.distanceMeters(latitude, longitude, a.latitude(), a.longitude()) <= a.radiusMeters())
                .findFirst();
    }
}
