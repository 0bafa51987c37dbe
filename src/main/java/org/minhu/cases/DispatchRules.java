package org.minhu.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.minhu.reference.LiveReference;
import org.minhu.reference.LocalizedText;
import org.minhu.reference.ReferenceData;
import org.minhu.reference.ReferenceDataException;
import org.minhu.reference.ReferenceVersionRepository;
import org.minhu.reference.TextIndex;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes a new case by the dispatch rules (the version admins last saved in the console, or the
 * shipped {@code reference/dispatch-rules.yaml}): the category's unit, the grid whose area holds
 * the place, and a priority raised by urgent words in the description.
 */
@ApplicationScoped
@Startup
public class DispatchRules {

    public static final String RESOURCE = "reference/dispatch-rules.yaml";
    public static final String DOCUMENT = "dispatch-rules";

    public record Area(String code, String name, String grid, double latitude, double longitude, double radiusMeters) {
        public Area {
            if (code == null || code.isBlank() || grid == null || grid.isBlank()) {
                throw new IllegalArgumentException("an area needs a code and a grid");
            }
            if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180 || radiusMeters <= 0) {
                throw new IllegalArgumentException("区域 " + code + " 的纬度应在 -90 到 90 之间、经度在 -180 到 180 之间，半径（radiusMeters）应大于 0");
            }
        }
    }

    /** A number to call in an emergency, with its chip's label. */
    public record Call(String number, LocalizedText label) {
        public Call {
            if (number == null || !number.strip().matches("[0-9+][0-9-]{2,19}")) {
                throw new IllegalArgumentException("a call needs a number to dial, such as 119, was " + number);
            }
            if (label == null) {
                throw new IllegalArgumentException("the call to " + number + " needs a label");
            }
            number = number.strip();
        }
    }

    /**
     * Danger to people now (fire, gas, injury, drowning, violence): the words that say it, whom to
     * call and what to tell the resident before anything else. A case that names one is urgent (A).
     */
    public record Emergency(String code, List<String> words, List<Call> calls, LocalizedText advice) {
        public Emergency {
            if (code == null || code.isBlank() || words == null || words.isEmpty() || calls == null || calls.isEmpty()
                    || advice == null) {
                throw new IllegalArgumentException("an emergency needs a code, words, calls and advice");
            }
            if (words.stream().anyMatch(w -> w == null || w.isBlank())) {
                throw new IllegalArgumentException("the words of emergency " + code + " may not be blank");
            }
            if (calls.size() > 3) {
                throw new IllegalArgumentException("emergency " + code + " offers at most 3 numbers to call");
            }
            words = words.stream().map(TextIndex::normalize).map(String::strip).toList();
            calls = List.copyOf(calls);
        }

        /** Whether the text says this emergency (upper/lower case and full-width forms do not matter). */
        public boolean saidIn(String text) {
            String normalized = TextIndex.normalize(text);
            return words.stream().anyMatch(normalized::contains);
        }
    }

    /** Words that make a description this request type, and the type's own hours to resolve (instead of the category's). */
    public record TypeRule(List<String> words, Integer resolveHours) {
        /** As written: both may be left out. */
        @JsonCreator
        static TypeRule of(@JsonProperty("words") @JsonSetter(nulls = Nulls.AS_EMPTY) List<String> words,
                           @JsonProperty("resolveHours") @JsonSetter(nulls = Nulls.AS_EMPTY) Integer resolveHours) {
            return new TypeRule(words, resolveHours == null || resolveHours == 0 ? null : resolveHours);
        }

        public TypeRule {
            words = words == null ? List.of() : words.stream().map(TextIndex::normalize).map(String::strip).toList();
            if (words.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("request type words may not be blank");
            }
            if (resolveHours != null && resolveHours <= 0) {
                throw new IllegalArgumentException("a request type's resolveHours must be positive");
            }
        }
    }

    /**
     * Words that make a case this handling class, its hours to resolve (a cap for 易办/重点, the longer
     * limit for 疑难), the hours within which a handling opinion (办理意见) is owed, and what staff are told.
     */
    public record ClassRule(List<String> words, Integer resolveHours, Integer opinionHours, LocalizedText note) {
        /** As written: every field may be left out. */
        @JsonCreator
        static ClassRule of(@JsonProperty("words") @JsonSetter(nulls = Nulls.AS_EMPTY) List<String> words,
                            @JsonProperty("resolveHours") @JsonSetter(nulls = Nulls.AS_EMPTY) Integer resolveHours,
                            @JsonProperty("opinionHours") @JsonSetter(nulls = Nulls.AS_EMPTY) Integer opinionHours,
                            @JsonProperty("note") @JsonSetter(nulls = Nulls.AS_EMPTY) Map<String, String> note) {
            if (note.keySet().stream().anyMatch(k -> !k.equals("zh-CN") && !k.equals("en"))) {
                throw new IllegalArgumentException("a handling class's note has zh-CN and en only");
            }
            return new ClassRule(words, resolveHours == null || resolveHours == 0 ? null : resolveHours,
                    opinionHours == null || opinionHours == 0 ? null : opinionHours,
                    note.isEmpty() ? null : new LocalizedText(note.get("zh-CN"), note.get("en")));
        }

        public ClassRule {
            words = words == null ? List.of() : words.stream().map(TextIndex::normalize).map(String::strip).toList();
            if (words.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("handling class words may not be blank");
            }
            if (resolveHours != null && resolveHours <= 0 || opinionHours != null && opinionHours <= 0) {
                throw new IllegalArgumentException("a handling class's hours must be positive");
            }
        }
    }

    /** A reason to decline a request (不予受理), and where the resident should go instead. */
    public record DeclineReason(String code, LocalizedText label, LocalizedText elsewhere) {
        public DeclineReason {
            if (code == null || !code.matches("[a-z][a-z0-9-]{0,31}") || label == null || elsewhere == null) {
                throw new IllegalArgumentException("a decline reason needs a code (a-z, 0-9, -), a label and where to go instead (elsewhere)");
            }
        }
    }

    /**
     * A category's cases (in one area, or anywhere) handled by another unit than the category's own:
     * the first assignment that fits a case decides its unit.
     */
    public record Assignment(String category, String area, String unit) {
        @JsonCreator
        public Assignment(@JsonProperty(value = "category", required = true) String category,
                          @JsonProperty("area") String area,
                          @JsonProperty(value = "unit", required = true) String unit) {
            if (category == null || category.isBlank() || unit == null || unit.isBlank()) {
                throw new IllegalArgumentException("an assignment needs a category and a unit");
            }
            this.category = category.strip();
            this.area = area == null || area.isBlank() ? null : area.strip();
            this.unit = unit.strip();
        }

        boolean fits(String categoryCode, Area place) {
            return category.equals(categoryCode) && (area == null || place != null && area.equals(place.code()));
        }
    }

    public record Rules(List<Area> areas, Map<Priority, List<String>> keywords, Map<Priority, Integer> resolveHours,
                        List<Emergency> emergencies, Map<RequestType, TypeRule> requestTypes,
                        Map<HandlingClass, ClassRule> handlingClasses, List<DeclineReason> declineReasons,
                        List<Assignment> assignments) {
        @JsonCreator
        public Rules(@JsonProperty("areas") List<Area> areas,
                     @JsonProperty("keywords") Map<Priority, List<String>> keywords,
                     @JsonProperty("resolveHours") Map<Priority, Integer> resolveHours,
                     @JsonProperty("emergencies") @JsonSetter(nulls = Nulls.AS_EMPTY) List<Emergency> emergencies,
                     @JsonProperty("requestTypes") @JsonSetter(nulls = Nulls.AS_EMPTY) Map<RequestType, TypeRule> requestTypes,
                     @JsonProperty("handlingClasses") @JsonSetter(nulls = Nulls.AS_EMPTY) Map<HandlingClass, ClassRule> handlingClasses,
                     @JsonProperty("declineReasons") @JsonSetter(nulls = Nulls.AS_EMPTY) List<DeclineReason> declineReasons,
                     @JsonProperty("assignments") @JsonSetter(nulls = Nulls.AS_EMPTY) List<Assignment> assignments) {
            this.requestTypes = requestTypes == null ? Map.of() : Map.copyOf(requestTypes);
            this.handlingClasses = handlingClasses == null ? Map.of() : Map.copyOf(handlingClasses);
            this.declineReasons = declineReasons == null ? List.of() : List.copyOf(declineReasons);
            if (this.declineReasons.stream().map(DeclineReason::code).distinct().count() != this.declineReasons.size()) {
                throw new IllegalArgumentException("a decline reason code appears twice");
            }
            if (keywords != null && keywords.values().stream()
                    .anyMatch(words -> words == null || words.stream().anyMatch(w -> w == null || w.isBlank()))) {
                throw new IllegalArgumentException("keywords may not be blank");
            }
            if (resolveHours != null && resolveHours.values().stream().anyMatch(hours -> hours == null || hours <= 0)) {
                throw new IllegalArgumentException("resolveHours must be positive");
            }
            this.areas = areas == null ? List.of() : List.copyOf(areas);
            this.keywords = keywords == null ? Map.of() : Map.copyOf(keywords);
            this.resolveHours = resolveHours == null ? Map.of() : Map.copyOf(resolveHours);
            this.emergencies = emergencies == null ? List.of() : List.copyOf(emergencies);
            if (this.emergencies.stream().map(Emergency::code).distinct().count() != this.emergencies.size()) {
                throw new IllegalArgumentException("an emergency code appears twice");
            }
            if (this.areas.stream().map(Area::code).distinct().count() != this.areas.size()) {
                throw new IllegalArgumentException("an area code appears twice");
            }
            this.assignments = assignments == null ? List.of() : List.copyOf(assignments);
            for (Assignment assignment : this.assignments) {
                if (assignment.area() != null && this.areas.stream().noneMatch(a -> a.code().equals(assignment.area()))) {
                    throw new IllegalArgumentException("the assignment of " + assignment.category() + " names area "
                            + assignment.area() + ", which is not among the areas");
                }
            }
        }
    }

    /** Where a case goes. */
    public record Route(String unit, String grid, Priority priority, int resolveHours) {
    }

    /** What kind of case a description makes, and the hours it gets to be resolved. */
    public record Kind(RequestType type, HandlingClass handling, Priority priority, int resolveHours) {
    }

    private final LiveReference<Rules> document;
    private final Categories categories;

    /** The shipped file only, without the database: for plain tests. */
    public DispatchRules(Categories categories) {
        this.categories = categories;
        this.document = LiveReference.shipped(DOCUMENT, RESOURCE, DispatchRules::parse);
    }

    @Inject
    public DispatchRules(Categories categories, ReferenceVersionRepository versions) {
        this.categories = categories;
        this.document = LiveReference.stored(DOCUMENT, RESOURCE, DispatchRules::parse, versions);
    }

    /**
     * Parses and checks a dispatch rules document exactly as at start-up.
     *
     * @throws ReferenceDataException naming the line where it can
     */
    public static Rules parse(String source, String yaml) {
        return ReferenceData.parse(source, yaml, Rules.class);
    }

    /** The document as in use, for admins to change. */
    public LiveReference<Rules> document() {
        return document;
    }

    public List<Area> areas() {
        return document.get().areas();
    }

    /** The units assignments name, which may be ones no category names. */
    public List<String> assignedUnits() {
        return document.get().assignments().stream().map(Assignment::unit).distinct().toList();
    }

    /** The first emergency the text says, checked before any conversation flow. */
    public Optional<Emergency> emergency(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return document.get().emergencies().stream().filter(e -> e.saidIn(text)).findFirst();
    }

    public Route route(String categoryCode, String description, Double latitude, Double longitude) {
        Category category = categories.find(categoryCode)
                .orElseThrow(() -> new IllegalArgumentException("unknown category " + categoryCode));
        Rules rules = document.get();
        Priority priority = category.priority();
        if (description != null && rules.emergencies().stream().anyMatch(e -> e.saidIn(description))) {
            priority = Priority.A;
        }
        for (Priority p : List.of(Priority.A, Priority.B)) {
            if (p.compareTo(priority) < 0 && description != null
                    && rules.keywords().getOrDefault(p, List.of()).stream().anyMatch(description::contains)) {
                priority = p;
                break;
            }
        }
        int hours = Math.min(category.dueHours(), rules.resolveHours().getOrDefault(priority, category.dueHours()));
        Area place = area(latitude, longitude).orElse(null);
        String unit = rules.assignments().stream().filter(a -> a.fits(category.code(), place)).map(Assignment::unit)
                .findFirst().orElse(category.unit());
        return new Route(unit, place == null ? null : place.grid(), priority, hours);
    }

    /**
     * Guesses the request type and the handling class from the description, and the hours to
     * resolve that follow (see {@link #resolveHours}). Anything no type's words name is a complaint.
     */
    public Kind kind(String categoryCode, String description, Double latitude, Double longitude) {
        Route route = route(categoryCode, description, latitude, longitude);
        Rules rules = document.get();
        String text = description == null ? "" : TextIndex.normalize(description);
        RequestType type = RequestType.COMPLAINT;
        for (RequestType t : List.of(RequestType.CONSULTATION, RequestType.SUGGESTION, RequestType.HELP)) {
            TypeRule rule = rules.requestTypes().get(t);
            if (rule != null && rule.words().stream().anyMatch(text::contains)) {
                type = t;
                break;
            }
        }
        HandlingClass handling = HandlingClass.EASY;
        if (said(rules, HandlingClass.HARD, text)) {
            handling = HandlingClass.HARD;
        } else if (route.priority() == Priority.A || said(rules, HandlingClass.KEY, text)) {
            handling = HandlingClass.KEY;
        }
        return new Kind(type, handling, route.priority(), resolveHours(categoryCode, route.priority(), type, handling));
    }

    private static boolean said(Rules rules, HandlingClass handling, String text) {
        ClassRule rule = rules.handlingClasses().get(handling);
        return rule != null && rule.words().stream().anyMatch(text::contains);
    }

    /**
     * Hours to resolve: the request type's own hours, or else the category's cut to the priority's;
     * for 易办 and 重点 cut to the class's hours when shorter; for 疑难 the class's longer limit.
     */
    public int resolveHours(String categoryCode, Priority priority, RequestType type, HandlingClass handling) {
        Rules rules = document.get();
        int base = categories.find(categoryCode).map(Category::dueHours).orElse(72);
        TypeRule typeRule = rules.requestTypes().get(type);
        boolean typeHours = typeRule != null && typeRule.resolveHours() != null;
        if (typeHours) {
            base = typeRule.resolveHours();
        }
        ClassRule classRule = rules.handlingClasses().get(handling);
        if (handling == HandlingClass.HARD) {
            return classRule == null || classRule.resolveHours() == null ? base : Math.max(base, classRule.resolveHours());
        }
        // a type's own hours stand as they are; a category's are cut by the priority's
        int hours = typeHours ? base : Math.min(base, rules.resolveHours().getOrDefault(priority, base));
        return classRule == null || classRule.resolveHours() == null ? hours : Math.min(hours, classRule.resolveHours());
    }

    /** The rule of a handling class (its opinion hours, its note), if the document has one. */
    public Optional<ClassRule> classRule(HandlingClass handling) {
        return Optional.ofNullable(document.get().handlingClasses().get(handling));
    }

    public List<DeclineReason> declineReasons() {
        return document.get().declineReasons();
    }

    public Optional<DeclineReason> declineReason(String code) {
        return declineReasons().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** The grid or community with this code in the rules. */
    public Optional<Area> area(String code) {
        return areas().stream().filter(a -> a.code().equals(code)).findFirst();
    }

    public Optional<Area> area(Double latitude, Double longitude) {
        if (latitude == null || longitude == null) {
            return Optional.empty();
        }
        return firstHolding(document.get().areas(), latitude, longitude);
    }

    /** The first of the areas whose circle holds the point: how dispatch places a case, and what the map's outlines ({@link AreaOutlines}) draw. */
    public static Optional<Area> firstHolding(List<Area> areas, double latitude, double longitude) {
        return areas.stream()
                .filter(a -> Geo.distanceMeters(latitude, longitude, a.latitude(), a.longitude()) <= a.radiusMeters())
                .findFirst();
    }
}
