package org.minhu.cases;

import org.minhu.reference.LocalizedText;

import java.util.List;
import java.util.StringJoiner;

/**
 * The four steps a resident cares about, as one line of text that fits any phone, rich or SMS:
 * {@code 受理 ✓ → 派单 ✓ → 办理 ● → 办结 ○}. Signing for the case (签收) and the work itself both
 * read as 办理 to a resident; rating and archiving come after 办结.
 */
public final class CaseProgress {

    static final String DONE = "✓";
    static final String CURRENT = "●";
    static final String AHEAD = "○";

    private static final List<LocalizedText> STEPS = List.of(
            new LocalizedText("受理", "Received"),
            new LocalizedText("派单", "Dispatched"),
            new LocalizedText("办理", "Handling"),
            new LocalizedText("办结", "Resolved"));

    private CaseProgress() {
    }

    public static String bar(ServiceCase serviceCase, String language) {
        return bar(serviceCase.getState(), language);
    }

    public static String bar(CaseState state, String language) {
        int lastDone = lastStepDone(state);
        StringJoiner line = new StringJoiner(" → ");
        for (int step = 0; step < STEPS.size(); step++) {
            String mark = step <= lastDone ? DONE : step == lastDone + 1 ? CURRENT : AHEAD;
            line.add(STEPS.get(step).in(language) + " " + mark);
        }
        return line.toString();
    }

    private static int lastStepDone(CaseState state) {
        return switch (state) {
            case RECEIVED, DECLINED -> 0;
            case DISPATCHED, ACCEPTED, IN_PROGRESS -> 1;
            case RESOLVED, RATED, ARCHIVED -> 3;
        };
    }
}
