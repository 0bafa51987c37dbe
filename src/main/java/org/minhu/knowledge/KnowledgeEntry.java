package org.minhu.knowledge;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.minhu.reference.LiveReference;
import org.minhu.reference.LocalizedText;
import org.minhu.reference.ReferenceData;
import org.minhu.reference.ReferenceDataException;
import org.minhu.reference.ReferenceVersion;
import org.minhu.reference.ReferenceVersionRepository;
import org.minhu.reference.TextIndex;

import java.util.List;

/**
 * One question and its answer in the knowledge base, with other words residents use for it, and
 * who handles the matter and their number where there is one.
 */
public record KnowledgeEntry(String id, String topic, LocalizedText question, LocalizedText answer,
                             List<String> synonyms, LocalizedText department, String phone) {

    /** Longer answers would not fit one platform text message with room to spare for chips. */
    public static final int MAX_ANSWER = 1500;

    /** As written in the document; topic, department and phone may be left out. */
    @JsonCreator
    static KnowledgeEntry of(@JsonProperty(value = "id", required = true) String id,
                             @JsonProperty("topic") @JsonSetter(nulls = Nulls.AS_EMPTY) String topic,
                             @JsonProperty(value = "question", required = true) LocalizedText question,
                             @JsonProperty(value = "answer", required = true) LocalizedText answer,
                             @JsonProperty(value = "synonyms", required = true) @JsonAlias("keywords") List<String> synonyms,
                             @JsonProperty("department") @JsonSetter(nulls = Nulls.AS_EMPTY) java.util.Map<String, String> department,
                             @JsonProperty("phone") @JsonSetter(nulls = Nulls.AS_EMPTY) String phone) {
        LocalizedText unit = department.isEmpty() ? null : new LocalizedText(department.get("zh-CN"), department.get("en"));
        if (department.keySet().stream().anyMatch(k -> !k.equals("zh-CN") && !k.equals("en"))) {
            throw new IllegalArgumentException("department of " + id + " has zh-CN and en only");
        }
        return new KnowledgeEntry(id, topic, question, answer, synonyms, unit, phone.isBlank() ? null : phone);
    }

    public KnowledgeEntry {
        if (id == null || !id.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("entry id must be 1–64 of a-z, 0-9 and '-', was " + id);
        }
        for (String text : List.of(answer.zh(), answer.en())) {
            if (text.codePointCount(0, text.length()) > MAX_ANSWER) {
                throw new IllegalArgumentException("answer of " + id + " is over " + MAX_ANSWER + " characters");
            }
        }
        if (synonyms == null || synonyms.isEmpty() || synonyms.stream().anyMatch(k -> k == null || k.isBlank())) {
            throw new IllegalArgumentException("entry " + id + " needs synonyms, none blank");
        }
        if (phone != null && !phone.strip().matches("[0-9+][0-9-]{2,19}")) {
            throw new IllegalArgumentException("phone of " + id + " must be a number to dial, such as 12345 or 0755-12345678, was " + phone);
        }
        topic = topic == null || topic.isBlank() ? null : topic.strip();
        synonyms = synonyms.stream().map(TextIndex::normalize).map(String::strip).toList();
        phone = phone == null ? null : phone.strip();
    }
}
