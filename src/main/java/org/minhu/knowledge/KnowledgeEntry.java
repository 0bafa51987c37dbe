package org.minhu.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** One question and its answer in the knowledge base, with the words that point to it. */
public record KnowledgeEntry(String id, LocalizedText question, LocalizedText answer, List<String> keywords) {

    /** Longer answers would not fit one platform text message with room to spare for chips. */
    public static final int MAX_ANSWER = 1500;

    @JsonCreator
    public KnowledgeEntry(@JsonProperty(value = "id", required = true) String id,
                          @JsonProperty(value = "question", required = true) LocalizedText question,
                          @JsonProperty(value = "answer", required = true) LocalizedText answer,
                          @JsonProperty(value = "keywords", required = true) List<String> keywords) {
        if (id == null || !id.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("entry id must be 1–64 of a-z, 0-9 and '-', was " + id);
        }
        for (String text : List.of(answer.zh(), answer.en())) {
            if (text.codePointCount(0, text.length()) > MAX_ANSWER) {
                throw new IllegalArgumentException("answer of " + id + " is over " + MAX_ANSWER + " characters");
            }
        }
        if (keywords == null || keywords.isEmpty() || keywords.stream().anyMatch(k -> k == null || k.isBlank())) {
            throw new IllegalArgumentException("entry " + id + " needs keywords, none blank");
        }
        this.id = id;
        this.question = question;
        this.answer = answer;
        this.keywords = keywords.stream().map(TextSimilarity::normalize).map(String::strip).toList();
    }
}
