package org.minhu.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers to the questions residents ask most, from {@code reference/knowledge-base.yaml}.
 * A question is matched by the entry's keywords it contains plus how alike it is to the entry's
 * question; below {@link #THRESHOLD} nothing matches, so the conversation can offer a person
 * instead of a wrong answer.
 */
@ApplicationScoped
@Startup
public class KnowledgeBase {

    public static final String RESOURCE = "reference/knowledge-base.yaml";
    public static final int MAX_MATCHES = 3;

    /** One keyword found in the question is worth this much; at most {@link #MAX_KEYWORD_HITS} count. */
    static final double KEYWORD_WEIGHT = 0.25;
    static final int MAX_KEYWORD_HITS = 3;
    /** Above one keyword alone: a lone shared word like 充电 is not enough without any likeness. */
    static final double THRESHOLD = 0.3;

    record KnowledgeFile(List<KnowledgeEntry> entries) {
        @JsonCreator
        KnowledgeFile(@JsonProperty(value = "entries", required = true) List<KnowledgeEntry> entries) {
            this.entries = entries;
        }
    }

    private record Indexed(KnowledgeEntry entry, Set<String> zhTokens, Set<String> enTokens) {
    }

    private final List<Indexed> entries;

    public KnowledgeBase() {
        this(ReferenceData.read(RESOURCE, KnowledgeFile.class).entries());
    }

    KnowledgeBase(List<KnowledgeEntry> entries) {
        Set<String> ids = new HashSet<>();
        List<Indexed> indexed = new ArrayList<>();
        for (KnowledgeEntry entry : entries) {
            if (!ids.add(entry.id())) {
                throw new IllegalStateException(RESOURCE + ": entry id " + entry.id() + " appears twice");
            }
            indexed.add(new Indexed(entry, TextSimilarity.tokens(entry.question().zh()),
                    TextSimilarity.tokens(entry.question().en())));
        }
        this.entries = List.copyOf(indexed);
    }

    public List<KnowledgeEntry> all() {
        return entries.stream().map(Indexed::entry).toList();
    }

    /**
     * The entries that best answer {@code text}, best first, at most {@link #MAX_MATCHES}; empty
     * when nothing is close enough. Chinese and English questions are both compared, since a
     * resident who chose English may still type Chinese; {@code language} picks the answer's.
     */
    public List<KnowledgeMatch> search(String text, String language) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String normalized = TextSimilarity.normalize(text);
        Set<String> tokens = TextSimilarity.tokens(text);
        List<KnowledgeMatch> matches = new ArrayList<>();
        for (Indexed indexed : entries) {
            double score = score(indexed, normalized, tokens);
            if (score >= THRESHOLD) {
                matches.add(new KnowledgeMatch(indexed.entry(), score, language));
            }
        }
        return matches.stream()
                .sorted(Comparator.comparingDouble(KnowledgeMatch::score).reversed())
                .limit(MAX_MATCHES)
                .toList();
    }

    private static double score(Indexed indexed, String normalized, Set<String> tokens) {
        long hits = indexed.entry().keywords().stream().filter(normalized::contains).count();
        double likeness = Math.max(TextSimilarity.dice(tokens, indexed.zhTokens()),
                TextSimilarity.dice(tokens, indexed.enTokens()));
        return likeness + KEYWORD_WEIGHT * Math.min(hits, MAX_KEYWORD_HITS);
    }
}
