package org.minhu.cases;

/** What an operator's call-back (回访) to a resident who did not rate found. */
public enum CallBackResult {
    /** 满意: the case is rated 满意 on the resident's word. */
    SATISFIED("满意"),
    /** 不满意: reopened as a 不满意 rating reopens it (差评件). */
    UNSATISFIED("不满意"),
    /** 未接通: nobody answered; the case stays unrated. */
    UNREACHABLE("未接通");

    private final String label;

    CallBackResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
