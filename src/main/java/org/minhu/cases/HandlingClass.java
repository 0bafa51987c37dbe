package org.minhu.cases;

import org.minhu.reference.LocalizedText;

/**
 * How hard a case is to handle (德馨苑): 易办件 are closed at once by the first unit, 重点件 are
 * followed by a supervisor, 疑难件 are handled jointly by several units under a lead, with a longer
 * limit and a handling opinion due first. Guessed at filing, changed by staff; each class has its
 * deadline in the dispatch rules.
 */
public enum HandlingClass {
    EASY("易办件", "Simple"),
    KEY("重点件", "Priority"),
    HARD("疑难件", "Complex");

    private final LocalizedText label;

    HandlingClass(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    public String label(String language) {
        return label.in(language);
    }
}
