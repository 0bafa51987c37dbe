package org.minhu.console;

import org.junit.jupiter.api.Test;
import org.minhu.cases.CasePermissions.Parties;
import org.minhu.cases.Staff;
import org.minhu.security.Role;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who hears that cases changed on the console's live stream: exactly those the permission table lets
 * read one of them — the lead and assisting units' handlers, the grid's worker, the desk and
 * supervisors — and nobody else, not a unit whose name merely contains theirs, not another grid's worker.
 */
class LiveSignalsTest {

    private static final Parties CASE = new Parties("城管执法队", "五和社区工作站,环保所", "五和社区第一网格");

    private static boolean hears(Staff who) {
        return new LiveEvents.Signal(LiveEvents.CASES, Set.of(CASE)).visibleTo(who);
    }

    @Test
    void theLeadAndAssistingUnitsHearOfTheirCaseAndOtherUnitsDoNot() {
        assertThat(hears(new Staff("a", Role.HANDLER, "城管执法队", false))).isTrue();
        assertThat(hears(new Staff("b", Role.HANDLER, "环保所", false))).isTrue();
        assertThat(hears(new Staff("c", Role.HANDLER, "水务所", false))).isFalse();
        assertThat(hears(new Staff("d", Role.HANDLER, "前海环保所", false))).isFalse();
    }

    @Test
    void aGridWorkerHearsOfTheirGridsCasesOnly() {
        assertThat(hears(new Staff("g1", Role.GRID, "五和社区第一网格", false))).isTrue();
        assertThat(hears(new Staff("g2", Role.GRID, "五和社区第二网格", false))).isFalse();
    }

    @Test
    void theDeskAndSupervisorsHearOfEveryCase() {
        assertThat(hears(new Staff("o", Role.OPERATOR, null, false))).isTrue();
        assertThat(hears(new Staff("s", Role.SUPERVISOR, null, false))).isTrue();
        assertThat(hears(new Staff("x", Role.ADMIN, null, false))).isTrue();
    }

    @Test
    void aPersonsNotificationsReachOnlyThem() {
        LiveEvents.Signal bell = new LiveEvents.Signal(LiveEvents.NOTIFICATIONS, null, "handler");
        assertThat(bell.visibleTo(new Staff("handler", Role.HANDLER, "城管执法队", false))).isTrue();
        assertThat(bell.visibleTo(new Staff("supervisor", Role.SUPERVISOR, null, false))).isFalse();
    }
}
