package org.minhu.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.minhu.common.ProblemException;

import java.time.Clock;
import java.time.Instant;

/**
 * The casework before and after the handling itself: 诉求类型 and 办理类别 as staff set them
 * (classify), closing a case at intake (不予受理: decline; 咨询 answered at once: answer), the 回访
 * call to the resident (call back) and the on-site 复查 (review). Each step is kept in the case's history and fired as a {@link CaseChanged}
 * through {@link CaseLifecycle}, in the same transaction.
 */
@ApplicationScoped
@Transactional
public class CaseworkSteps {

    private final CaseLifecycle lifecycle;
    private final DispatchRules rules;
    private final Clock clock;

    public CaseworkSteps(CaseLifecycle lifecycle, DispatchRules rules, Clock clock) {
        this.lifecycle = lifecycle;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * 诉求类型 / 办理类别 as staff set them; the deadline follows (counted from filing, see
     * {@link DispatchRules#resolveHours}), unless the case is a 差评件 or has an extension asked for.
     */
    public ServiceCase classify(String number, String actor, RequestType type, HandlingClass handling) {
        if (type == null || handling == null) {
            throw ProblemException.badRequest(type == null ? "requestType" : "handlingClass", "请选择诉求类型和办理类别");
        }
        ServiceCase c = lifecycle.find(number);
        requirePossible(CaseAction.CLASSIFY, c);
        if (c.getRequestType() == type && c.getHandlingClass() == handling) {
            return c;
        }
        String before = c.getRequestType().label("zh-CN") + " · " + c.getHandlingClass().label("zh-CN");
        c.classify(type, handling, rules.resolveHours(c.getCategory(), c.getPriority(), type, handling), clock.instant());
        c.getSchedule().owesOpinion(lifecycle.opinionWithin(handling));
        return lifecycle.record(c, CaseEvent.Kind.CLASSIFIED, c.getState(), actor,
                before + " → " + type.label("zh-CN") + " · " + handling.label("zh-CN"));
    }

    /** 不予受理: closed with a reason from the dispatch rules' list; the resident is told it and where to go instead. */
    public ServiceCase decline(String number, String actor, String reasonCode, String note) {
        CaseLifecycle.require(reasonCode, "reason");
        DispatchRules.DeclineReason reason = rules.declineReason(reasonCode.strip())
                .orElseThrow(() -> ProblemException.badRequest("reason", "没有这个不予受理理由：" + reasonCode));
        ServiceCase c = lifecycle.find(number);
        Instant now = clock.instant();
        CaseState before = c.getState();
        c.apply(CaseTransition.DECLINE, now);
        c.declined(reason.code(), now);
        return lifecycle.record(c, CaseEvent.Kind.DECLINED, before, actor, CaseLifecycle.join(reason.label().zh(), note));
    }

    /** A question answered at once (咨询): resolved and closed in one step, nothing dispatched. */
    public ServiceCase answer(String number, String actor, String answer) {
        CaseLifecycle.require(answer, "answer");
        ServiceCase c = lifecycle.find(number);
        Instant now = clock.instant();
        CaseState before = c.getState();
        c.apply(CaseTransition.ANSWER, now);
        c.answered(answer.strip(), now);
        return lifecycle.record(c, CaseEvent.Kind.ANSWERED, before, actor, "即时答复：" + answer.strip());
    }

    /**
     * 回访: what the resident said when called. 满意 rates the case on their word; 不满意 reopens it
     * as a 不满意 rating does (差评件); 未接通 leaves it unrated.
     */
    public ServiceCase callBack(String number, String actor, CallBackResult result, String note) {
        if (result == null) {
            throw ProblemException.badRequest("result", "请选择回访结果");
        }
        ServiceCase c = lifecycle.find(number);
        requirePossible(CaseAction.CALL_BACK, c);
        Instant now = clock.instant();
        CaseState before = c.getState();
        String why = note == null || note.isBlank() ? null : note.strip();
        c.calledBack(result, actor, now);
        switch (result) {
            case SATISFIED -> c.rate(Rating.SATISFIED, why == null ? "电话回访" : "电话回访：" + why, now);
            case UNSATISFIED -> c.reopenAsPoorlyRated(why == null ? "电话回访" : "电话回访：" + why, now);
            case UNREACHABLE -> { }
        }
        CaseEvent.Kind kind = result == CallBackResult.UNSATISFIED ? CaseEvent.Kind.REOPENED : CaseEvent.Kind.CALLED_BACK;
        return lifecycle.record(c, kind, before, actor, CaseLifecycle.join("回访：" + result.label(), why));
    }

    /**
     * 复查: someone other than who fixed it verified on site, with a photo. Passed, the case may be
     * archived; failed, it goes back to the unit as a 差评件 with a new deadline.
     */
    public ServiceCase review(String number, String actor, Boolean passed, String photoPath, String note) {
        if (passed == null) {
            throw ProblemException.badRequest("passed", "请选择复查结论");
        }
        if (photoPath == null || photoPath.isBlank()) {
            throw ProblemException.badRequest("photo", "复查须附现场照片");
        }
        ServiceCase c = lifecycle.find(number);
        requirePossible(CaseAction.REVIEW, c);
        if (actor.equals(c.getOwner())) {
            throw new ProblemException(org.minhu.common.Problem.of(403, "same-person", "Not another person",
                    "复查须由办理人以外的人员进行"));
        }
        Instant now = clock.instant();
        CaseState before = c.getState();
        c.reviewed(passed, actor, photoPath, now);
        String what = passed ? "复查通过" : "复查未通过，重新办理";
        if (!passed) {
            c.apply(CaseTransition.REOPEN, now);
            c.reopenFlagged(now);
            lifecycle.record(c, CaseEvent.Kind.REVIEWED, before, actor, CaseLifecycle.join(what, note));
            return lifecycle.record(c, CaseEvent.Kind.REOPENED, before, actor, CaseLifecycle.join(what, note));
        }
        return lifecycle.record(c, CaseEvent.Kind.REVIEWED, before, actor, CaseLifecycle.join(what, note));
    }

    private static void requirePossible(CaseAction action, ServiceCase c) {
        if (!action.possibleOn(c)) {
            throw new CaseStateException(c.getNumber(), c.getState(), "case " + c.getNumber() + " is " + c.getState()
                    + "; " + action.name().toLowerCase().replace('_', '-') + " is not possible then");
        }
    }
}
