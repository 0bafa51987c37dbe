package org.minhu.reference;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small in-memory full-text index (Lucene, BM25) over short documents: the knowledge base's
 * entries, the categories, the gazetteer's places. Built once per version of a reference document
 * and then only read, by any number of turns at once.
 *
 * <p>Chinese has no spaces between words, so texts are cut into words by Lucene's SmartChinese
 * analyzer (a dictionary and a hidden Markov model); English words are lower-cased and stemmed. The
 * segmenter cuts a word differently by its context (路灯 alone is 路 + 灯, in 门口路灯坏了 it is
 * 路灯), so every pair of neighbouring Chinese characters is indexed as well: a word is found
 * however it was cut. The words every question or report is built from (的, 了, 怎么办, "how")
 * say nothing about its topic and are left out.
 *
 * <p>BM25 ranks; it does not say whether the best is good enough, since its scores grow with the
 * length of the question. {@link Hit#coverage()} does: the share of the question's words (each
 * weighted by how rare it is in the index) that the document contains. Words the index has never
 * seen are left out of that share: they cannot point to any document.
 */
public final class TextIndex {

    /** Filler words, in both languages: the topic lies in the other words. */
    private static final List<String> FILLER = List.of(
            "的", "了", "吗", "呢", "吧", "啊", "呀", "嘛", "哦", "么", "着", "过", "地", "得",
            "不", "我", "我们", "我家", "家里", "突然", "一直", "已经", "总是", "经常", "现在", "今天", "昨天", "你", "你们", "您", "他", "她", "它", "他们", "这", "那", "这个", "那个", "这里", "那里",
            "是", "在", "有", "与", "及", "或", "也", "都", "就", "还", "又", "很", "太", "最", "更", "非常",
            "怎么", "怎么办", "怎样", "如何", "什么", "哪", "哪里", "哪儿", "哪些", "为什么", "为何", "多少", "几",
            "请问", "请", "问", "一下", "想", "要", "能", "能不能", "可以", "可不可以", "会", "应该", "需要", "是否",
            "办", "去", "找", "给", "让", "把", "被", "对", "向", "从", "到", "一个", "个", "一", "点", "些",
            "a", "an", "the", "i", "me", "my", "we", "our", "you", "your", "it", "its", "is", "are", "was", "were", "be",
            "do", "does", "did", "can", "could", "will", "would", "should", "may", "how", "what", "who", "where", "when",
            "why", "which", "to", "of", "in", "on", "at", "for", "from", "by", "with", "and", "or", "if", "there", "this",
            "that", "about", "get", "not", "no", "please", "there", "has", "have", "any");

    private static final CharArraySet STOP;
    /** Words and their places in the text, filler words included: terms() leaves those out itself. */
    private static final Analyzer SEGMENTER = new SmartChineseAnalyzer(SmartChineseAnalyzer.getDefaultStopSet());

    static {
        STOP = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), true);
        STOP.addAll(FILLER);
    }

    /** The terms are made by {@link #terms}; Lucene only splits them again at the spaces. */
    private static final Analyzer PREPARED = new WhitespaceAnalyzer();

    /** Longest question read: past this the words add nothing but work. */
    private static final int MAX_QUERY_TERMS = 64;

    /** A document to index: its id and, per field, its texts. */
    public record Doc(String id, Map<String, List<String>> fields) {
    }

    /**
     * A document that matched.
     *
     * @param score    BM25, for ranking only
     * @param coverage 0–1: how much of the question this document accounts for
     * @param matched  the question's words the document contains
     */
    public record Hit(String id, float score, double coverage, Set<String> matched) {
    }

    private final IndexSearcher searcher;
    private final Map<String, Float> boosts;
    private final List<String> ids;
    private final List<Set<String>> termsOf;
    private final List<Map<String, Set<String>>> fieldTermsOf;
    private final Map<String, Integer> documentFrequency;

    private TextIndex(IndexSearcher searcher, Map<String, Float> boosts, List<String> ids, List<Set<String>> termsOf,
                      List<Map<String, Set<String>>> fieldTermsOf, Map<String, Integer> documentFrequency) {
        this.searcher = searcher;
        this.boosts = boosts;
        this.ids = ids;
        this.termsOf = termsOf;
        this.fieldTermsOf = fieldTermsOf;
        this.documentFrequency = documentFrequency;
    }

    /**
     * Indexes the documents.
     *
     * @param boosts the fields searched and how much a word found in each counts, e.g. a
     *               question's own words more than its answer's
     */
    public static TextIndex build(List<Doc> docs, Map<String, Float> boosts) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        List<String> ids = new ArrayList<>();
        List<Set<String>> termsOf = new ArrayList<>();
        List<Map<String, Set<String>>> fieldTermsOf = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(PREPARED))) {
            for (Doc doc : docs) {
                Document document = new Document();
                document.add(new StoredField("id", doc.id()));
                Set<String> terms = new LinkedHashSet<>();
                Map<String, Set<String>> byField = new HashMap<>();
                doc.fields().forEach((field, texts) -> {
                    if (!boosts.containsKey(field)) {
                        throw new IllegalArgumentException("field " + field + " is not searched");
                    }
                    for (String text : texts) {
                        if (text != null && !text.isBlank()) {
                            List<String> words = terms(text);
                            document.add(new TextField(field, String.join(" ", words), org.apache.lucene.document.Field.Store.NO));
                            terms.addAll(words);
                            byField.computeIfAbsent(field, f -> new LinkedHashSet<>()).addAll(words);
                        }
                    }
                });
                writer.addDocument(document);
                ids.add(doc.id());
                termsOf.add(Set.copyOf(terms));
                Map<String, Set<String>> frozen = new HashMap<>();
                byField.forEach((field, words) -> frozen.put(field, Set.copyOf(words)));
                fieldTermsOf.add(Map.copyOf(frozen));
                terms.forEach(t -> df.merge(t, 1, Integer::sum));
            }
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("an index in memory cannot fail to write", e);
        }
        try {
            // documents are numbered in the order they were added: one segment, nothing deleted
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            return new TextIndex(searcher, Map.copyOf(boosts), List.copyOf(ids), List.copyOf(termsOf),
                    List.copyOf(fieldTermsOf), Map.copyOf(df));
        } catch (IOException e) {
            throw new UncheckedIOException("an index in memory cannot fail to open", e);
        }
    }

    /** Full-width forms folded to ASCII and letters lower-cased, so "ＥＴＣ" and "etc" match. */
    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /**
     * The words of a text as the index sees them, each once: the segmenter's words without filler
     * words, then each pair of neighbouring Chinese characters the segmenter left apart (路 灯) or
     * within one of its longer words, without a filler character. A pair across two words it did
     * recognise (突然 | 停水 gives 然停) is noise, and is left out.
     */
    public static List<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String normalized = normalize(text);
        // for each char index: the length of the segmenter's word it belongs to (0: none, e.g. a filler word)
        int[] wordLength = new int[normalized.length()];
        try (TokenStream stream = SEGMENTER.tokenStream("any", normalized)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            org.apache.lucene.analysis.tokenattributes.OffsetAttribute offset =
                    stream.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = term.toString();
                int from = Math.min(offset.startOffset(), normalized.length());
                int to = Math.min(offset.endOffset(), normalized.length());
                for (int i = from; i < to; i++) {
                    wordLength[i] = to - from;
                }
                if (!STOP.contains(word)) {
                    terms.add(word);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        for (int i = 0; i + 1 < normalized.length(); i++) {
            char a = normalized.charAt(i);
            char b = normalized.charAt(i + 1);
            if (!isHan(a) || !isHan(b)) {
                continue;
            }
            boolean apart = wordLength[i] == 1 && wordLength[i + 1] == 1;
            boolean within = wordLength[i] > 2 && wordLength[i] == wordLength[i + 1];
            String pair = normalized.substring(i, i + 2);
            if ((apart || within) && !STOP.contains(pair) && !STOP.contains(String.valueOf(a)) && !STOP.contains(String.valueOf(b))) {
                terms.add(pair);
            }
        }
        return List.copyOf(terms);
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /**
     * Whether a hit rests on a real word of the given fields (two characters or more, or a word in
     * letters), not only on a lone character such as 好 or on words found only in, say, an answer
     * or an example: the difference between a topic and a coincidence.
     */
    public boolean founded(Hit hit, Set<String> fields) {
        int at = ids.indexOf(hit.id());
        if (at < 0) {
            return false;
        }
        Map<String, Set<String>> byField = fieldTermsOf.get(at);
        return hit.matched().stream()
                .filter(word -> word.codePointCount(0, word.length()) > 1)
                .anyMatch(word -> fields.stream().anyMatch(f -> byField.getOrDefault(f, Set.of()).contains(word)));
    }

    /** The best documents for a text, best first; only those that share a word with it. */
    public List<Hit> search(String text, int max) {
        List<String> words = terms(text);
        if (words.size() > MAX_QUERY_TERMS) {
            words = words.subList(0, MAX_QUERY_TERMS);
        }
        if (words.isEmpty() || ids.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : words) {
            boosts.forEach((field, boost) -> query.add(new BoostQuery(new TermQuery(new Term(field, word)), boost),
                    BooleanClause.Occur.SHOULD));
        }
        ScoreDoc[] found;
        try {
            found = searcher.search(query.build(), max).scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException("an index in memory cannot fail to read", e);
        }
        double known = 0;
        for (String word : words) {
            known += idf(word);
        }
        List<Hit> hits = new ArrayList<>();
        for (ScoreDoc doc : found) {
            Set<String> terms = termsOf.get(doc.doc);
            Set<String> matched = new LinkedHashSet<>();
            double covered = 0;
            for (String word : words) {
                if (terms.contains(word)) {
                    matched.add(word);
                    covered += idf(word);
                }
            }
            hits.add(new Hit(ids.get(doc.doc), doc.score, known == 0 ? 0 : covered / known, Set.copyOf(matched)));
        }
        return hits;
    }

    /** How rare a word is among the documents (BM25's own formula); 0 for a word no document has. */
    private double idf(String word) {
        int df = documentFrequency.getOrDefault(word, 0);
        if (df == 0) {
            return 0;
        }
        return Math.log(1 + (ids.size() - df + 0.5) / (df + 0.5));
    }
}
