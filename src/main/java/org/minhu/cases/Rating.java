package org.minhu.cases;

import org.minhu.reference.LocalizedText;

/** The resident's verdict at the follow-up (回访): 满意 / 基本满意 / 不满意. */
public enum Rating {
    SATISFIED("满意", "Satisfied"),
    MOSTLY_SATISFIED("基本满意", "Mostly satisfied"),
    UNSATISFIED("不满意", "Not satisfied");

    private final LocalizedText label;

    Rating(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    public String label(String language) {
        return label.in(language);
    }
}
