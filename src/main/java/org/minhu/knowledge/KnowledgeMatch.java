package org.minhu.knowledge;

/** An entry that answers a resident's question, how well it matched, and the language to answer in. */
public record KnowledgeMatch(KnowledgeEntry entry, double score, String language) {

    public String question() {
        return entry.question().in(language);
    }

    public String answer() {
        return entry.answer().in(language);
    }
}
