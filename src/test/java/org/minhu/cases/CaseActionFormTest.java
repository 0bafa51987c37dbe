package org.minhu.cases;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain JUnit: the one description of each action is enough for every channel to find it and fill its details. */
class CaseActionFormTest {

    /** The one change with a form and an endpoint of its own: the reply (composed with cards, through the outbox). */
    static final Set<CaseAction> OWN_FORMS = EnumSet.of(CaseAction.REPLY);

    @Test
    void everyChangeThroughTheLifecycleIsDescribedAndFoundByItsAddresses() {
        for (CaseAction action : CaseAction.values()) {
            boolean described = !action.isRead() && !OWN_FORMS.contains(action);
            assertThat(action.form().isPresent()).as(action.name()).isEqualTo(described);
            action.form().ifPresent(f -> {
                assertThat(CaseAction.bySlug(f.slug())).as(f.slug()).contains(action);
                assertThat(CaseAction.byApiPath(f.api())).as(f.api()).contains(action);
                assertThat(f.fields().stream().map(CaseActionForm.Field::into).distinct())
                        .as(action + " fills each part of the details once").hasSameSizeAs(f.fields());
            });
        }
    }

    @Test
    void theFieldsAsAChannelReadThemBecomeTheDetails() {
        Instant until = Instant.parse("2099-01-01T00:00:00Z");
        Map<CaseActionForm.Into, Object> posted = Map.of(CaseActionForm.Into.UNIT, "城建办",
                CaseActionForm.Into.ASSISTING_UNITS, List.of("环卫所"), CaseActionForm.Into.TEXT, "请尽快",
                CaseActionForm.Into.UNTIL, until);

        CaseLifecycle.Details dispatch = CaseAction.DISPATCH.form().orElseThrow().details(f -> posted.get(f.into()));
        CaseLifecycle.Details extension = CaseAction.REQUEST_EXTENSION.form().orElseThrow().details(f -> posted.get(f.into()));
        CaseLifecycle.Details accept = CaseAction.ACCEPT.form().orElseThrow().details(f -> posted.get(f.into()));

        assertThat(dispatch).isEqualTo(new CaseLifecycle.Details("城建办", List.of("环卫所"), "请尽快", null, null, null, null, null, null, null, null, null, null, null));
        assertThat(extension).isEqualTo(new CaseLifecycle.Details(null, List.of(), "请尽快", null, null, until, null, null, null, null, null, null, null, null));
        assertThat(accept).isEqualTo(new CaseLifecycle.Details(null, List.of(), null, null, null, null, null, null, null, null, null, null, null, null));
    }

    @Test
    void aChoiceIsReadFromTheTextPostedAndOneOffTheListIsRefusedInChinese() {
        CaseActionForm classify = CaseAction.CLASSIFY.form().orElseThrow();
        CaseLifecycle.Details d = classify.details(f -> f.name().equals("requestType") ? "SUGGESTION" : "HARD");
        assertThat(d.requestType()).isEqualTo(RequestType.SUGGESTION);
        assertThat(d.handlingClass()).isEqualTo(HandlingClass.HARD);

        CaseActionForm review = CaseAction.REVIEW.form().orElseThrow();
        assertThat(review.details(f -> f.name().equals("passed") ? "no" : null).passed()).isFalse();
        assertThat(review.details(f -> f.name().equals("passed") ? "true" : null).passed()).isTrue();
        assertThat(CaseAction.CALL_BACK.form().orElseThrow().details(f -> f.name().equals("result") ? "UNSATISFIED" : "仍然很臭"))
                .satisfies(b -> {
                    assertThat(b.callBackResult()).isEqualTo(CallBackResult.UNSATISFIED);
                    assertThat(b.text()).isEqualTo("仍然很臭");
                });

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> classify.details(f -> "NONSENSE"))
                .isInstanceOf(org.minhu.common.ProblemException.class)
                .satisfies(e -> assertThat(((org.minhu.common.ProblemException) e).problem().detail()).contains("请从列表中选择"));
    }

    @Test
    void theApiNeedsABodyOnlyWhenTheServiceNeedsAField() {
        assertThat(Arrays.stream(CaseAction.values()).filter(a -> a.form().map(CaseActionForm::needsBody).orElse(false)))
                .doesNotContain(CaseAction.ACCEPT, CaseAction.ARCHIVE, CaseAction.REJECT_EXTENSION)
                .contains(CaseAction.NOTE, CaseAction.RESOLVE, CaseAction.DISPATCH);
    }
}
