package org.minhu.cases;

/** A case as a resident's list shows it (我的诉求, 评价): read as these columns, without loading the case. */
public record CaseLine(String number, String category, CaseState state, String description) {
}
