package org.minhu.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.minhu.reference.LiveReference;
import org.minhu.reference.ReferenceData;
import org.minhu.reference.ReferenceDataException;
import org.minhu.reference.ReferenceVersionRepository;
import org.minhu.reference.TextIndex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The places of the served district that residents name when they type an address: estates and
 * buildings, roads, landmarks, each with coordinates (the version admins last saved in the console,
 * or the shipped {@code reference/gazetteer.yaml}). The communities are the dispatch rules' areas,
 * not repeated here, so the two always agree; a placed address gets its grid from the dispatch
 * rules like a shared location does.
 *
 * <p>Matched with the same Lucene analysis as the knowledge base, indexed once per version.
 */
@ApplicationScoped
@Startup
public class Gazetteer {

    public static final String RESOURCE = "reference/gazetteer.yaml";
    public static final String DOCUMENT = "gazetteer";

    /** Share of a place name's words the address must contain. */
    static final double THRESHOLD = 0.6;
    private static final Map<String, Float> FIELDS = Map.of("name", 2f, "aliases", 2f);
    /** A building says more exactly where than the road or the community it is on. */
    private static final List<String> KINDS = List.of("building", "estate", "landmark", "road");

    public record Place(String name, String kind, List<String> aliases, double latitude, double longitude) {
        @JsonCreator
        public Place(@JsonProperty(value = "name", required = true) String name,
                     @JsonProperty(value = "kind", required = true) String kind,
                     @JsonProperty("aliases") @JsonSetter(nulls = Nulls.AS_EMPTY) List<String> aliases,
                     @JsonProperty(value = "latitude", required = true) double latitude,
                     @JsonProperty(value = "longitude", required = true) double longitude) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a place needs a name");
            }
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("kind of " + name + " must be one of " + KINDS + ", was " + kind);
            }
            if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
                throw new IllegalArgumentException(name + " needs a latitude and a longitude");
            }
            this.name = name.strip();
            this.kind = kind;
            this.aliases = aliases == null ? List.of() : aliases.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
            this.latitude = latitude;
            this.longitude = longitude;
        }
    }

    record GazetteerFile(List<Place> places) {
        @JsonCreator
        GazetteerFile(@JsonProperty(value = "places", required = true) List<Place> places) {
            this.places = places;
        }
    }

    public record Snapshot(List<Place> places, TextIndex index) {
    }

    /** Where a typed address was placed: the place it names, and its grid by the dispatch rules (if in one). */
    public record Placed(String name, double latitude, double longitude, String grid) {
    }

    private final LiveReference<Snapshot> document;
    private final DispatchRules rules;

    /** The shipped file only, without the database: for plain tests. */
    public Gazetteer(DispatchRules rules) {
        this.rules = rules;
        this.document = LiveReference.shipped(DOCUMENT, RESOURCE, Gazetteer::parse);
    }

    @Inject
    public Gazetteer(DispatchRules rules, ReferenceVersionRepository versions) {
        this.rules = rules;
        this.document = LiveReference.stored(DOCUMENT, RESOURCE, Gazetteer::parse, versions);
    }

    /**
     * Parses, checks and indexes a gazetteer exactly as at start-up.
     *
     * @throws ReferenceDataException naming the line where it can
     */
    public static Snapshot parse(String source, String yaml) {
        List<Place> places = ReferenceData.parse(source, yaml, GazetteerFile.class).places();
        Map<String, Place> byName = new LinkedHashMap<>();
        for (Place place : places) {
            if (byName.put(place.name(), place) != null) {
                throw new ReferenceDataException(source, null, null, "place " + place.name() + " appears twice", null);
            }
        }
        List<TextIndex.Doc> docs = new ArrayList<>();
        for (int i = 0; i < places.size(); i++) {
            docs.add(new TextIndex.Doc(String.valueOf(i), Map.of("name", List.of(places.get(i).name()),
                    "aliases", places.get(i).aliases())));
        }
        return new Snapshot(List.copyOf(places), TextIndex.build(docs, FIELDS));
    }

    /** The document as in use, for admins to change. */
    public LiveReference<Snapshot> document() {
        return document;
    }

    public List<Place> all() {
        return document.get().places();
    }

    /**
     * The place a typed address names, the most exact one when it names several (a building on a
     * road); else the community it names. Empty when it names none: the address is kept as typed
     * and staff place it.
     */
    public Optional<Placed> place(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        Snapshot snapshot = document.get();
        String typed = TextIndex.normalize(address).replaceAll("\\s+", "");
        Set<String> words = Set.copyOf(TextIndex.terms(address));
        List<Place> candidates = snapshot.index().search(address, 10).stream()
                .map(hit -> snapshot.places().get(Integer.parseInt(hit.id())))
                .filter(place -> named(place, typed, words) >= THRESHOLD)
                .toList();
        Comparator<Place> exact = Comparator.<Place>comparingInt(place -> -KINDS.indexOf(place.kind()))
                .thenComparingInt(place -> place.name().length());
        // a place written out in full, then a community by its name, then a place most of whose name was written
        Optional<Placed> found = candidates.stream().filter(place -> named(place, typed, words) == 1).max(exact).map(this::placed);
        if (found.isEmpty()) {
            found = rules.areas().stream()
                    .filter(area -> area.name() != null && typed.contains(TextIndex.normalize(area.name())))
                    .findFirst()
                    .map(area -> new Placed(area.name(), area.latitude(), area.longitude(), area.grid()));
        }
        if (found.isEmpty()) {
            found = candidates.stream()
                    .max(Comparator.<Place>comparingDouble(place -> named(place, typed, words)).thenComparing(exact))
                    .map(this::placed);
        }
        return found;
    }

    private Placed placed(Place place) {
        return new Placed(place.name(), place.latitude(), place.longitude(), grid(place.latitude(), place.longitude()));
    }

    private String grid(double latitude, double longitude) {
        return rules.area(latitude, longitude).map(DispatchRules.Area::grid).orElse(null);
    }

    /** How much of the place's name (or of its best alias) the address holds: 1 when written out in full. */
    private static double named(Place place, String typed, Set<String> words) {
        double best = 0;
        List<String> names = new ArrayList<>(place.aliases());
        names.add(place.name());
        for (String name : names) {
            String normalized = TextIndex.normalize(name).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
            if (typed.contains(normalized)) {
                return 1;
            }
            List<String> terms = TextIndex.terms(name);
            if (!terms.isEmpty()) {
                best = Math.max(best, terms.stream().filter(words::contains).count() / (double) terms.size());
            }
        }
        return best;
    }
}
