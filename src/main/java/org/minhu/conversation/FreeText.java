package org.minhu.conversation;

import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.cases.Categories;
import org.minhu.flow.FlowSet;
import org.minhu.knowledge.KnowledgeBase;
import org.minhu.reference.TextIndex;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a resident's own words ask for, when they are no answer the bot was waiting for: a first
 * message, or one typed at the menu. A case number is looked up; a question the knowledge base
 * answers is answered; a description of a problem starts a request with the description kept and
 * its category proposed; greetings and the rest get the menu.
 *
 * <p>Reads only the indexes built when the reference documents were loaded: no work per turn
 * beyond two searches over a few hundred short documents in memory.
 */
@ApplicationScoped
public class FreeText {

    /** Where a reading leads: a flow, and the values it starts with. */
    public record Reading(String flow, Map<String, Object> values) {
    }

    static final String FILE = "file-request";
    static final String ASK = "ask-question";
    static final String MINE = "my-requests";

    private static final Pattern CASE_NUMBER = Pattern.compile("(?i)\\bMH-\\d{8}-\\d{4}\\b");
    /** Shorter than this, a text says too little to be a report. */
    private static final int MIN_REPORT = 5;
    private static final Set<String> GREETINGS = Set.of("你好", "您好", "你好啊", "在吗", "在不在", "有人吗", "哈喽", "嗨",
            "早上好", "晚上好", "下午好", "谢谢", "谢谢你", "好的", "hi", "hello", "hey", "thanks", "thank you");
    /** Words that make a text a question rather than a report. */
    private static final Pattern QUESTION = Pattern.compile(
            "[?？]|吗$|呢$|怎么|怎样|如何|什么|哪里|哪儿|哪些|几点|多久|多少|能不能|可不可以|可以.*吗|是否|为什么|请问|找谁"
                    + "|(?i)^(how|what|where|when|why|who|which|can|could|is|are|do|does|should)\\b");

    private final KnowledgeBase knowledge;
    private final Categories categories;

    public FreeText(KnowledgeBase knowledge, Categories categories) {
        this.knowledge = knowledge;
        this.categories = categories;
    }

    /** What the words ask for, if anything more than the menu. */
    public Optional<Reading> read(String text, String language) {
        String said = text == null ? "" : text.strip();
        Optional<Reading> number = caseNumber(said);
        if (number.isPresent() || said.isEmpty() || GREETINGS.contains(TextIndex.normalize(said).replaceAll("[!！。.,，~～ ]", ""))) {
            return number;
        }
        boolean question = QUESTION.matcher(said).find();
        boolean answered = !knowledge.search(said, language).isEmpty();
        boolean report = said.codePointCount(0, said.length()) >= MIN_REPORT && categories.guess(said).isPresent();
        if (question && answered || !report && answered) {
            return Optional.of(new Reading(ASK, Map.of("question", said)));
        }
        if (report) {
            return Optional.of(problem(said));
        }
        if (question && said.codePointCount(0, said.length()) >= MIN_REPORT) {
            // a question nobody wrote an answer for: the question flow offers a person or a report
            return Optional.of(new Reading(ASK, Map.of("question", said)));
        }
        return Optional.empty();
    }

    /** A case number anywhere in the words: the resident's own is shown, any other is "no request of yours". */
    public Optional<Reading> caseNumber(String text) {
        Matcher m = CASE_NUMBER.matcher(text == null ? "" : text);
        if (!m.find()) {
            return Optional.empty();
        }
        String number = m.group().toUpperCase(java.util.Locale.ROOT);
        return Optional.of(new Reading(MINE, Map.of("picked", Map.of("value", number, "label", number))));
    }

    /** A problem described: a request with the words as its description; the flow proposes the category. */
    public Reading problem(String text) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("description", text.strip());
        return new Reading(FILE, values);
    }
}
