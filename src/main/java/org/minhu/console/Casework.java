package org.minhu.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.minhu.cases.CallBackResult;
import org.minhu.cases.CaseAction;
import org.minhu.cases.CaseActionForm;
import org.minhu.cases.CasePermissions;
import org.minhu.cases.DispatchRules;
import org.minhu.cases.HandlingClass;
import org.minhu.cases.RequestType;
import org.minhu.cases.ServiceCase;

import java.util.List;

/**
 * The casework steps of the case page (type and class, 不予受理, 回访, 复查) this viewer may take,
 * as {@link CasePermissions}' rows say, and the choices their forms ({@link CaseActionForm}) offer.
 * Templates reach it as {@code inject:casework}; the lifecycle checks again.
 */
@RequestScoped
@Named("casework")
public class Casework {

    public record Actions(boolean classify, boolean decline, boolean callBack, boolean review) {
        public boolean any() {
            return classify || decline || callBack || review;
        }
    }

    private final Viewer viewer;
    private final DispatchRules rules;

    public Casework(Viewer viewer, DispatchRules rules) {
        this.viewer = viewer;
        this.rules = rules;
    }

    public Actions actions(ServiceCase c) {
        return new Actions(may(CaseAction.CLASSIFY, c), may(CaseAction.DECLINE, c),
                may(CaseAction.CALL_BACK, c) && c.getPhone() != null,
                may(CaseAction.REVIEW, c) && c.isReviewNeeded() && !viewer.getUsername().equals(c.getOwner()));
    }

    boolean may(CaseAction action, ServiceCase c) {
        return CasePermissions.offers(action, viewer.staff(), c);
    }

    /** Whether the viewer files requests for residents (代为登记, {@link IntakeResource}). */
    public boolean isFiling() {
        return IntakeResource.ROLES.contains(viewer.getRole().id());
    }

    /** Whether the viewer makes call-backs or re-inspections: the 回访复查 page is theirs. */
    public boolean isFollowingUp() {
        return CasePermissions.roleMay(CaseAction.CALL_BACK, viewer.getRole())
                || CasePermissions.roleMay(CaseAction.REVIEW, viewer.getRole());
    }

    /** One option of a choice field: what is posted, what the page shows, whether it is the case's now. */
    public record Option(String value, String label, boolean selected) {
    }

    /** The options of a {@link CaseActionForm.Kind#CHOICE} field for this case. */
    public List<Option> options(CaseActionForm.Choices choices, ServiceCase c) {
        return switch (choices) {
            case REQUEST_TYPE -> java.util.Arrays.stream(RequestType.values())
                    .map(t -> new Option(t.name(), t.label("zh-CN"), t == c.getRequestType())).toList();
            case HANDLING_CLASS -> java.util.Arrays.stream(HandlingClass.values())
                    .map(h -> new Option(h.name(), h.label("zh-CN"), h == c.getHandlingClass())).toList();
            case DECLINE_REASON -> rules.declineReasons().stream()
                    .map(r -> new Option(r.code(), r.label().zh(), false)).toList();
            case CALL_BACK_RESULT -> java.util.Arrays.stream(CallBackResult.values())
                    .map(r -> new Option(r.name(), r.label(), false)).toList();
            case REVIEW_RESULT -> List.of(new Option("yes", "整改到位，复查通过", true),
                    new Option("no", "未整改到位，重新办理", false));
        };
    }

    /** The form of a casework step, as the case page draws it. */
    public CaseActionForm form(String action) {
        return CaseAction.valueOf(action).form().orElseThrow();
    }

    /** What the dispatch rules tell staff about the case's class (疑难件: joint handling, opinion due). */
    public String classNote(ServiceCase c) {
        return rules.classRule(c.getHandlingClass()).map(r -> r.note() == null ? "" : r.note().zh()).orElse("");
    }

    public String declineReason(ServiceCase c) {
        return rules.declineReason(c.getDeclineReason()).map(r -> r.label().zh() + "（已告知居民：" + r.elsewhere().zh() + "）")
                .orElse("");
    }
}
