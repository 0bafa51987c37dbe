package org.minhu.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers to the questions residents ask most: the version admins last saved in the console, or
 * the shipped {@code reference/knowledge-base.yaml}.
 * A question is matched by the entry's keywords it contains plus how alike it is to the entry's
 * question; below {@link #THRESHOLD} nothing matches, so the conversation can offer a person
 * instead of a wrong answer.
 */
@ApplicationScoped
@Startup
public class KnowledgeBase {

    public static final String RESOURCE = "reference/knowledge-base.yaml";
    public static final String DOCUMENT = "knowledge-base";
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

    record Indexed(KnowledgeEntry entry, Set<String> zhTokens, Set<String> enTokens) {
    }

    /** The entries of one version of the document, ready to search. */
    public record Snapshot(List<Indexed> entries) {
    }

    private final LiveReference<Snapshot> document;

    /** The shipped file only, without the database: for plain tests. */
    public KnowledgeBase() {
        this.document = LiveReference.shipped(DOCUMENT, RESOURCE, KnowledgeBase::parse);
    }

    @Inject
    public KnowledgeBase(ReferenceVersionRepository versions) {
        this.document = LiveReference.stored(DOCUMENT, RESOURCE, KnowledgeBase::parse, versions);
    }

    /**
     * Parses and checks a knowledge base document exactly as at start-up.
     *
     * @throws ReferenceDataException naming the line where it can
     */
    public static Snapshot parse(String source, String yaml) {
        Set<String> ids = new HashSet<>();
        List<Indexed> indexed = new ArrayList<>();
        for (KnowledgeEntry entry : ReferenceData.parse(source, yaml, KnowledgeFile.class).entries()) {
            if (!ids.add(entry.id())) {
                throw new ReferenceDataException(source, null, null, "entry id " + entry.id() + " appears twice", null);
            }
            indexed.add(new Indexed(entry, TextSimilarity.tokens(entry.question().zh()),
                    TextSimilarity.tokens(entry.question().en())));
        }
        return new Snapshot(List.copyOf(indexed));
    }

    /** The document as in use, for admins to change. */
    public LiveReference<Snapshot> document() {
        return document;
    }

    public List<KnowledgeEntry> all() {
        return document.get().entries().stream().map(Indexed::entry).toList();
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
        for (Indexed indexed : document.get().entries()) {
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
