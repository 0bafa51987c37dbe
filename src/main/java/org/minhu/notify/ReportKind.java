package org.minhu.notify;

/** The reports supervisors are told of in the notification centre, beside the deadlines of cases. */
public enum ReportKind {
    /** The daily 超期通报, told each morning for the day before. */
    OVERDUE_REPORT("超期通报"),
    /** The weekly 单位排名, told each Monday morning for the week before. */
    UNIT_RANKING("单位排名");

    private final String title;

    ReportKind(String title) {
        this.title = title;
    }

    /** The short name shown on the notification list. */
    public String title() {
        return title;
    }
}
