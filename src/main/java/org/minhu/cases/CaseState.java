package org.minhu.cases;

import org.minhu.reference.LocalizedText;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Where a case is in the cycle (see docs/DOMAIN.md): 受理, 派单, 签收, 办理, 办结, 评价, 归档. */
public enum CaseState {
    RECEIVED("已受理", "Received"),
    DISPATCHED("已派单", "Dispatched"),
    ACCEPTED("已签收", "Accepted"),
    IN_PROGRESS("办理中", "In progress"),
    RESOLVED("已办结", "Resolved"),
    RATED("已评价", "Rated"),
    ARCHIVED("已归档", "Archived"),
    /** 不予受理: not a matter for the city's hotline; the resident is told why and where to go instead. */
    DECLINED("不予受理", "Declined");

    /** Still being worked on: what residents can follow and what the nearby search offers. */
    public static final Set<CaseState> OPEN =
            Collections.unmodifiableSet(EnumSet.of(RECEIVED, DISPATCHED, ACCEPTED, IN_PROGRESS));

    private final LocalizedText label;

    CaseState(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public String label(String language) {
        return label.in(language);
    }
}
