package org.minhu.console;

import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseState;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox's tab numbers: exact up to the cap, then "1000+", so a huge inbox loads as fast as a small one. */
class InboxCountLabelsTest {

    private static Inbox.Page page(Map<CaseState, Long> counts, long overdue) {
        Map<CaseState, Long> all = new EnumMap<>(CaseState.class);
        for (CaseState s : CaseState.values()) {
            all.put(s, counts.getOrDefault(s, 0L));
        }
        return new Inbox.Page(List.of(), Set.of(), null, all, overdue, Map.of(), List.of());
    }

    @Test
    void smallCountsAreExact() {
        Inbox.Page page = page(Map.of(CaseState.DISPATCHED, 12L, CaseState.ACCEPTED, 3L), 2);
        assertThat(page.countLabels()).containsEntry(CaseState.DISPATCHED, "12").containsEntry(CaseState.ACCEPTED, "3");
        assertThat(page.totalLabel()).isEqualTo("15");
        assertThat(page.overdueLabel()).isEqualTo("2");
    }

    @Test
    void countsPastTheCapSayPlus() {
        long over = Inbox.COUNT_CAP + 1;
        Inbox.Page page = page(Map.of(CaseState.DISPATCHED, over, CaseState.ACCEPTED, 7L), over);
        assertThat(page.countLabels()).containsEntry(CaseState.DISPATCHED, "1000+").containsEntry(CaseState.ACCEPTED, "7");
        assertThat(page.totalLabel()).isEqualTo("1007+");
        assertThat(page.overdueLabel()).isEqualTo("1000+");
    }
}
