package org.minhu.cases;

import org.minhu.reference.LocalizedText;

/**
 * What a resident asks for (新安 counts them apart): a complaint about something wrong, a question,
 * a suggestion, a plea for help. Guessed from the description at filing ({@link DispatchRules}),
 * changed by staff; a type may have its own deadline in the dispatch rules.
 */
public enum RequestType {
    COMPLAINT("投诉", "Complaint"),
    CONSULTATION("咨询", "Question"),
    SUGGESTION("建议", "Suggestion"),
    HELP("求助", "Request for help");

    private final LocalizedText label;

    RequestType(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    public String label(String language) {
        return label.in(language);
    }
}
