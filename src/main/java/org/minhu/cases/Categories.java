package org.minhu.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.minhu.outbound.PlatformLimits;
import org.minhu.reference.LiveReference;
import org.minhu.reference.ReferenceData;
import org.minhu.reference.ReferenceDataException;
import org.minhu.reference.ReferenceVersionRepository;
import org.minhu.reference.TextIndex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The categories residents choose from: the version admins last saved in the console, or the
 * shipped {@code reference/categories.yaml}. A new version replaces the whole list at once.
 */
@ApplicationScoped
@Startup
public class Categories {

    public static final String RESOURCE = "reference/categories.yaml";
    public static final String DOCUMENT = "categories";

    record CategoryFile(List<Category> categories) {
        @JsonCreator
        CategoryFile(@JsonProperty(value = "categories", required = true) List<Category> categories) {
            this.categories = categories;
        }
    }

    /** The categories of one version of the document, by code and in order, indexed for {@link #guess}. */
    public record Snapshot(List<Category> all, Map<String, Category> byCode, TextIndex index) {
    }

    /** A category proposed for a resident's words, and how much of them it accounts for (0–1). */
    public record Guess(Category category, double confidence) {
    }

    /** Share of a description's words (weighted by rarity) the best category must account for. */
    static final double GUESS_THRESHOLD = 0.35;

    /** Keywords and names say most, the one-line description and the example reports help. */
    private static final Map<String, Float> FIELDS = Map.of("keywords", 3f, "name", 3f, "description", 1.5f,
            "examples", 1f);
    /** A category is proposed only when one of its keywords or its name was used, not an example's word alone. */
    private static final java.util.Set<String> NAMING_FIELDS = java.util.Set.of("keywords", "name", "description");

    private final LiveReference<Snapshot> document;

    /** The shipped file only, without the database: for plain tests (a factory: see {@code ProxyConstructorsTest}). */
    public static Categories shipped() {
        return new Categories(LiveReference.shipped(DOCUMENT, RESOURCE, Categories::parse));
    }

    private Categories(LiveReference<Snapshot> document) {
        this.document = document;
    }

    @Inject
    public Categories(ReferenceVersionRepository versions) {
        this.document = LiveReference.stored(DOCUMENT, RESOURCE, Categories::parse, versions);
    }

    private Categories(Snapshot snapshot) {
        this.document = LiveReference.fixed(DOCUMENT, RESOURCE, snapshot);
    }

    /** Categories that stay as given, outside the container: to check what depends on them before they are saved. */
    public static Categories of(Snapshot snapshot) {
        return new Categories(snapshot);
    }

    /**
     * Parses and checks a categories document exactly as at start-up.
     *
     * @throws ReferenceDataException naming the line where it can
     */
    public static Snapshot parse(String source, String yaml) {
        return snapshot(source, ReferenceData.parse(source, yaml, CategoryFile.class).categories());
    }

    private static Snapshot snapshot(String source, List<Category> categories) {
        Map<String, Category> codes = new LinkedHashMap<>();
        for (Category category : categories) {
            if (codes.putIfAbsent(category.code(), category) != null) {
                throw new ReferenceDataException(source, null, null, "category " + category.code() + " appears twice", null);
            }
        }
        if (codes.isEmpty()) {
            throw new ReferenceDataException(source, null, null, "there are no categories", null);
        }
        if (codes.size() > PlatformLimits.MAX_CAROUSEL_CARDS) {
            throw new ReferenceDataException(source, null, null, "at most " + PlatformLimits.MAX_CAROUSEL_CARDS
                    + " categories: residents choose from one carousel of at most that many cards", null);
        }
        List<TextIndex.Doc> docs = codes.values().stream().map(c -> new TextIndex.Doc(c.code(), Map.of(
                "keywords", c.keywords(),
                "name", List.of(c.name().zh(), c.name().en()),
                "description", List.of(c.description().zh(), c.description().en()),
                "examples", c.examples()))).toList();
        return new Snapshot(List.copyOf(codes.values()), Map.copyOf(codes), TextIndex.build(docs, FIELDS));
    }

    /** The document as in use, for admins to change. */
    public LiveReference<Snapshot> document() {
        return document;
    }

    /** In the file's order, which is the order residents see them in. */
    public List<Category> all() {
        return document.get().all();
    }

    /** The handling units the categories name, sorted. */
    public List<String> units() {
        return all().stream().map(Category::unit).distinct().sorted().toList();
    }

    public Optional<Category> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(document.get().byCode().get(code));
    }

    /**
     * The category that best fits a resident's own words, so the conversation can propose it;
     * empty when none accounts for enough of them ({@link #GUESS_THRESHOLD}), and the resident
     * then chooses. The categories' keywords, names, descriptions and example reports are searched
     * (BM25, Chinese words segmented), indexed once per version of the document.
     */
    public Optional<Guess> guess(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Snapshot snapshot = document.get();
        return snapshot.index().search(text, 1).stream()
                .filter(hit -> hit.coverage() >= GUESS_THRESHOLD && snapshot.index().founded(hit, NAMING_FIELDS))
                .findFirst()
                .map(hit -> new Guess(snapshot.byCode().get(hit.id()), hit.coverage()));
    }
}
