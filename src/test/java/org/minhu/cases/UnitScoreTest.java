package org.minhu.cases;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The 单位排名's score: plain arithmetic over the figures, no container needed. */
class UnitScoreTest {

    private static CaseFigures.Figures figures(long total, long dueForResponse, long respondedInTime, long resolved,
                                               long rated, long satisfied, long solved) {
        return new CaseFigures.Figures("单位", total, total, respondedInTime, resolved, rated, satisfied, null,
                dueForResponse, 0, solved, 0, 0, 0);
    }

    @Test
    void aUnitThatDidEverythingScoresAHundredLessTwoPerOverdueCase() {
        CaseFigures.Figures perfect = figures(10, 10, 10, 10, 10, 10, 10);
        assertThat(UnitReports.score(perfect, 0)).isEqualTo(100.0);
        assertThat(UnitReports.score(perfect, 3)).isEqualTo(94.0);
        assertThat(UnitReports.score(perfect, 80)).as("never below zero").isEqualTo(0.0);
    }

    @Test
    void ratesAUnitHasNoCasesForAreLeftOutNotCountedAsZero() {
        // responded to all 4 due, resolved 2 of 4, nothing rated yet: (0.2×1 + 0.3×0.5 + 0.2×1) / 0.7
        CaseFigures.Figures noRatings = figures(4, 4, 4, 2, 0, 0, 2);
        assertThat(UnitReports.score(noRatings, 0)).isEqualTo(78.6);
    }
}
