package org.minhu.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.knowledge.ReferenceData;
import org.minhu.knowledge.TextSimilarity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The categories residents choose from, read from {@code reference/categories.yaml} at start-up. */
@ApplicationScoped
@Startup
public class Categories {

    public static final String RESOURCE = "reference/categories.yaml";

    record CategoryFile(List<Category> categories) {
        @JsonCreator
        CategoryFile(@JsonProperty(value = "categories", required = true) List<Category> categories) {
            this.categories = categories;
        }
    }

    private final List<Category> all;
    private final Map<String, Category> byCode;

    public Categories() {
        this(ReferenceData.read(RESOURCE, CategoryFile.class).categories());
    }

    Categories(List<Category> categories) {
        Map<String, Category> codes = new LinkedHashMap<>();
        for (Category category : categories) {
            if (codes.putIfAbsent(category.code(), category) != null) {
                throw new IllegalStateException(RESOURCE + ": category " + category.code() + " appears twice");
            }
        }
        if (codes.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no categories");
        }
        this.byCode = Map.copyOf(codes);
        this.all = List.copyOf(codes.values());
    }

    /** In the file's order, which is the order residents see them in. */
    public List<Category> all() {
        return all;
    }

    public Optional<Category> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /**
     * The category whose keywords best cover the resident's words, so the conversation can
     * propose it; a longer keyword found counts for more, being more specific. Empty when no
     * keyword is found; on a tie the earlier category in the file wins.
     */
    public Optional<Category> guess(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String normalized = TextSimilarity.normalize(text);
        Category best = null;
        int bestScore = 0;
        for (Category category : all) {
            int score = 0;
            for (String keyword : category.keywords()) {
                if (normalized.contains(keyword)) {
                    score += keyword.codePointCount(0, keyword.length());
                }
            }
            if (score > bestScore) {
                best = category;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }
}
