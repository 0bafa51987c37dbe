package org.minhu.cases;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain JUnit: the progress line depends on nothing but the state and the language. */
class CaseProgressTest {

    @Test
    void aCaseBeingHandledShowsTheFirstTwoStepsDoneAndHandlingUnderWay() {
        assertThat(CaseProgress.bar(CaseState.IN_PROGRESS, "zh-CN")).isEqualTo("受理 ✓ → 派单 ✓ → 办理 ● → 办结 ○");
        assertThat(CaseProgress.bar(CaseState.ACCEPTED, "zh-CN")).isEqualTo("受理 ✓ → 派单 ✓ → 办理 ● → 办结 ○");
        assertThat(CaseProgress.bar(CaseState.IN_PROGRESS, "en"))
                .isEqualTo("Received ✓ → Dispatched ✓ → Handling ● → Resolved ○");
    }

    @Test
    void aNewCaseWaitsForDispatch() {
        assertThat(CaseProgress.bar(CaseState.RECEIVED, "zh-CN")).isEqualTo("受理 ✓ → 派单 ● → 办理 ○ → 办结 ○");
    }

    @Test
    void aResolvedRatedOrArchivedCaseShowsEveryStepDone() {
        for (CaseState state : new CaseState[] {CaseState.RESOLVED, CaseState.RATED, CaseState.ARCHIVED}) {
            assertThat(CaseProgress.bar(state, "zh-CN")).isEqualTo("受理 ✓ → 派单 ✓ → 办理 ✓ → 办结 ✓");
        }
    }

    @Test
    void anUnknownLanguageReadsChinese() {
        assertThat(CaseProgress.bar(CaseState.DISPATCHED, null)).startsWith("受理 ✓");
        assertThat(CaseState.RESOLVED.label("en")).isEqualTo("Resolved");
        assertThat(Rating.MOSTLY_SATISFIED.label("zh-CN")).isEqualTo("基本满意");
    }

    @Test
    void caseNumbersCarryTheDayAndAFourDigitSequence() {
        assertThat(CaseNumbers.format(java.time.LocalDate.of(2026, 6, 8), 7)).isEqualTo("MH-20260608-0007");
    }
}
