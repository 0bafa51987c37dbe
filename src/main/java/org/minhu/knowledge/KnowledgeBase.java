package org.minhu.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.minhu.reference.LiveReference;
import org.minhu.reference.LocalizedText;
import org.minhu.reference.ReferenceData;
import org.minhu.reference.ReferenceDataException;
import org.minhu.reference.ReferenceVersion;
import org.minhu.reference.ReferenceVersionRepository;
import org.minhu.reference.TextIndex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers to the questions residents ask most: the version admins last saved in the console, or
 * the shipped {@code reference/knowledge-base.yaml}.
 *
 * <p>Each version is indexed once, when it is loaded ({@link TextIndex}: BM25 over the questions,
 * the other words residents use for them, and the answers). A question is answered by the best
 * entry only when that entry accounts for enough of the question's words ({@link #THRESHOLD}), so
 * the conversation can offer a person instead of a wrong answer.
 */
@ApplicationScoped
@Startup
public class KnowledgeBase {

    public static final String RESOURCE = "reference/knowledge-base.yaml";
    public static final String DOCUMENT = "knowledge-base";
    public static final int MAX_MATCHES = 3;

    /** Share of the question's words (weighted by rarity) the entry must contain. */
    static final double THRESHOLD = 0.5;

    /** A question's own words and the synonyms say most; the answer's words help rank. */
    private static final Map<String, Float> FIELDS = Map.of("question", 3f, "synonyms", 3f, "answer", 0.5f);
    /** An answer is given only when a word of its question or synonyms was asked, not of the answer alone. */
    private static final Set<String> TOPIC_FIELDS = Set.of("question", "synonyms");

    record KnowledgeFile(List<KnowledgeEntry> entries) {
        @JsonCreator
        KnowledgeFile(@JsonProperty(value = "entries", required = true) List<KnowledgeEntry> entries) {
            this.entries = entries;
        }
    }

    /** The entries of one version of the document, indexed. */
    public record Snapshot(List<KnowledgeEntry> entries, Map<String, KnowledgeEntry> byId, TextIndex index) {
    }

    private final LiveReference<Snapshot> document;

    /** The shipped file only, without the database: for plain tests (a factory: see {@code ProxyConstructorsTest}). */
    public static KnowledgeBase shipped() {
        return new KnowledgeBase(LiveReference.shipped(DOCUMENT, RESOURCE, KnowledgeBase::parse));
    }

    private KnowledgeBase(LiveReference<Snapshot> document) {
        this.document = document;
    }

    @Inject
    public KnowledgeBase(ReferenceVersionRepository versions) {
        this.document = LiveReference.stored(DOCUMENT, RESOURCE, KnowledgeBase::parse, versions);
    }

    /**
     * Parses, checks and indexes a knowledge base document exactly as at start-up.
     *
     * @throws ReferenceDataException naming the line where it can
     */
    public static Snapshot parse(String source, String yaml) {
        Set<String> ids = new HashSet<>();
        Map<String, KnowledgeEntry> byId = new LinkedHashMap<>();
        List<TextIndex.Doc> docs = new ArrayList<>();
        for (KnowledgeEntry entry : ReferenceData.parse(source, yaml, KnowledgeFile.class).entries()) {
            if (!ids.add(entry.id())) {
                throw new ReferenceDataException(source, null, null, "entry id " + entry.id() + " appears twice", null);
            }
            byId.put(entry.id(), entry);
            docs.add(new TextIndex.Doc(entry.id(), Map.of(
                    "question", List.of(entry.question().zh(), entry.question().en()),
                    "synonyms", entry.synonyms(),
                    "answer", List.of(entry.answer().zh(), entry.answer().en()))));
        }
        if (byId.isEmpty()) {
            throw new ReferenceDataException(source, null, null, "there are no entries", null);
        }
        return new Snapshot(List.copyOf(byId.values()), Map.copyOf(byId), TextIndex.build(docs, FIELDS));
    }

    /** The document as in use, for admins to change. */
    public LiveReference<Snapshot> document() {
        return document;
    }

    public List<KnowledgeEntry> all() {
        return document.get().entries();
    }

    /**
     * The entries that answer {@code text}, best first, at most {@link #MAX_MATCHES}; empty when
     * none is close enough. Chinese and English questions are both searched, since a resident who
     * chose English may still type Chinese; {@code language} picks the answer's.
     */
    public List<KnowledgeMatch> search(String text, String language) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Snapshot snapshot = document.get();
        List<KnowledgeMatch> matches = new ArrayList<>();
        for (TextIndex.Hit hit : snapshot.index().search(text, MAX_MATCHES)) {
            if (hit.coverage() >= THRESHOLD && snapshot.index().founded(hit, TOPIC_FIELDS)) {
                matches.add(new KnowledgeMatch(snapshot.byId().get(hit.id()), hit.score(), language));
            }
        }
        return matches;
    }
}
