package org.minhu.console;

import org.minhu.cases.CaseAction;
import org.minhu.cases.CaseActionForm;
import org.minhu.cases.CasePermissions;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.Staff;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which actions the case page offers this viewer: exactly what {@link CasePermissions} permits
 * them and the case's state allows ({@link CaseAction#possibleOn}), each drawn from its
 * {@link CaseActionForm} by the {@code caseForm} tag. The lifecycle checks the same table again when
 * the form is posted; this only hides buttons that would be refused.
 */
public record CaseActions(Set<CaseAction> offered) {

    /**
     * Shown in panels of their own (the note, the labels, the casework panel's 分类与回访) or under the
     * conversation (the reply), not among the 办理 steps.
     */
    private static final Set<CaseAction> ELSEWHERE = EnumSet.of(CaseAction.NOTE, CaseAction.REPLY, CaseAction.TAG,
            CaseAction.UNTAG, CaseAction.CLASSIFY, CaseAction.DECLINE, CaseAction.CALL_BACK, CaseAction.REVIEW);

    public static CaseActions of(ServiceCase c, Viewer viewer) {
        Staff who = viewer.staff();
        Set<CaseAction> offered = EnumSet.noneOf(CaseAction.class);
        for (CaseAction action : CaseAction.values()) {
            if (!action.isRead() && CasePermissions.offers(action, who, c)) {
                offered.add(action);
            }
        }
        // whoever may assign the case may hand it to anyone of the unit: 转交 would be the same form again
        if (offered.contains(CaseAction.ASSIGN)) {
            offered.remove(CaseAction.PASS);
        }
        return new CaseActions(offered);
    }

    /** Whether the page offers the action, by its {@link CaseAction} name (templates cannot name the constant). */
    public boolean may(String action) {
        return offered.contains(CaseAction.valueOf(action));
    }

    /** The form of an action shown in a panel of its own. */
    public CaseActionForm form(String action) {
        return CaseAction.valueOf(action).form().orElseThrow();
    }

    /** The 办理 steps with nothing to fill in: a row of buttons. */
    public List<CaseActionForm> getButtons() {
        return steps().filter(f -> f.fields().isEmpty()).toList();
    }

    /** The 办理 steps with fields: the ones a case usually waits for unfolded, first. */
    public List<CaseActionForm> getForms() {
        return steps().filter(f -> !f.fields().isEmpty())
                .sorted(Comparator.comparing(CaseActionForm::open).reversed()).toList();
    }

    public boolean any() {
        return steps().findAny().isPresent();
    }

    private java.util.stream.Stream<CaseActionForm> steps() {
        return offered.stream().filter(a -> !ELSEWHERE.contains(a)).map(CaseAction::form).flatMap(Optional::stream);
    }
}
