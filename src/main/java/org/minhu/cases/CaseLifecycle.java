package org.minhu.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.minhu.common.ProblemException;
import org.minhu.security.StaffDirectory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What staff do with a case, along the state machine in {@link CaseTransition}: dispatch,
 * accept (the first to accept owns it to the end), start, resolve, return, transfer, reopen,
 * archive; pause the clock, ask for and approve an extension; link duplicates; notes. Every change
 * is kept in the case's history and fired as a {@link CaseChanged} inside the same transaction.
 * Classifying, declining, answering at once, the 回访 and the 复查 are {@link CaseworkSteps}.
 */
@ApplicationScoped
@Transactional
public class CaseLifecycle {

    public static final String SYSTEM = "system";

    private final ServiceCaseRepository cases;
    private final CaseEventRepository events;
    private final CaseFollowerRepository followers;
    private final DispatchRules rules;
    private final CasesConfig config;
    private final Event<CaseChanged> changed;
    private final Clock clock;
    private final StaffDirectory staff;
    private final CaseTags tags;

    /** The casework steps, which come through {@link #perform} like every action (both are application-scoped: the cycle is through proxies). */
    private final CaseworkSteps steps;

    public CaseLifecycle(ServiceCaseRepository cases, CaseEventRepository events, CaseFollowerRepository followers,
                         DispatchRules rules, CasesConfig config, Event<CaseChanged> changed, Clock clock,
                         StaffDirectory staff, CaseTags tags, CaseworkSteps steps) {
        this.steps = steps;
        this.staff = staff;
        this.tags = tags;
        this.cases = cases;
        this.events = events;
        this.followers = followers;
        this.rules = rules;
        this.config = config;
        this.changed = changed;
        this.clock = clock;
    }

    /**
     * What a member of staff asks for along with an action: the unit and assisting units (dispatch,
     * transfer), a text (the note, reason, or what was done), the answer to the resident (答复居民,
     * which residents and the public may read), a photo, a date (extension), the main case (link), the
     * colleague (assign, pass), the label (tag). The channels make it from the fields {@link CaseActionForm}
     * describes.
     */
    public record Details(String unit, List<String> assistingUnits, String text, String publicReply, String photoPath,
                          Instant until, String parent, String assignee, Long tag, RequestType requestType,
                          HandlingClass handlingClass, String reason, CallBackResult callBackResult, Boolean passed) {
        /** The label (its id) put on or taken off. */
        public static Details tag(Long tag) {
            return new Details(null, List.of(), null, null, null, null, null, null, tag, null, null, null, null, null);
        }

        public static Details text(String text) {
            return new Details(null, List.of(), text, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * The one door for staff: checks {@link CasePermissions} for this person, this case and this
     * action (403, nothing changes), then does it (409 when the case's state does not allow it),
     * all in one transaction. The console and {@code /api/cases} both come through here.
     */
    public ServiceCase perform(Staff who, CaseAction action, String number, Details d) {
        if (action.isRead() || action == CaseAction.REPLY) {
            throw new IllegalArgumentException(action + " is not a change of the case; use CasePermissions.require");
        }
        ServiceCase c = cases.lockByNumber(number).orElseThrow(() -> ProblemException.notFound("no case " + number));
        CasePermissions.require(action, who, c);
        String actor = who.username();
        return switch (action) {
            case NOTE -> {
                note(number, actor, d.text());
                yield c;
            }
            case DISPATCH -> dispatch(number, actor, d.unit(), d.assistingUnits(), d.text());
            case ACCEPT -> accept(number, actor);
            case START -> start(number, actor);
            case RESOLVE -> resolve(number, actor, d.text(), d.publicReply(), d.photoPath());
            case RETURN -> returnToDispatch(number, actor, d.text());
            case TRANSFER -> transfer(number, actor, d.unit(), d.text());
            case REOPEN -> reopen(number, actor, d.text());
            case ARCHIVE -> archive(number, actor, d.text());
            case PAUSE -> pause(number, actor, d.text());
            case RESUME -> resume(number, actor);
            case REQUEST_EXTENSION -> requestExtension(number, actor, d.until(), d.text());
            case APPROVE_EXTENSION -> approveExtension(number, actor);
            case REJECT_EXTENSION -> rejectExtension(number, actor, d.text());
            case OPINION -> opinion(number, actor, d.text());
            case LINK -> {
                if (d.parent() == null || d.parent().isBlank()) {
                    throw ProblemException.badRequest("parent", "请填写主诉求的编号");
                }
                yield link(number, d.parent().strip(), actor);
            }
            case TAKE -> take(number, actor);
            case ASSIGN -> assign(number, actor, d.assignee(), d.text());
            case PASS -> pass(number, actor, d.assignee(), d.text());
            case TAG -> {
                CaseTag tag = tags.require(d.tag());
                yield tags.put(c, tag, actor) ? labelled(c, actor, "加上标签「" + tag.getName() + "」") : c;
            }
            case UNTAG -> {
                CaseTag tag = tags.require(d.tag());
                yield tags.takeOff(c, tag) ? labelled(c, actor, "去掉标签「" + tag.getName() + "」") : c;
            }
            case CLASSIFY -> steps.classify(number, actor, d.requestType(), d.handlingClass());
            case DECLINE -> steps.decline(number, actor, d.reason(), d.text());
            case CALL_BACK -> steps.callBack(number, actor, d.callBackResult(), d.text());
            case REVIEW -> steps.review(number, actor, d.passed(), d.photoPath(), d.text());
            default -> throw new IllegalArgumentException(action.name());
        };
    }

    /** 我来办: the person takes an unassigned case of their unit and becomes its assignee. */
    public ServiceCase take(String number, String actor) {
        ServiceCase c = find(number);
        requireAssignable(CaseAction.TAKE, c, "这件诉求已有承办人");
        c.assignTo(actor, clock.instant());
        return record(c, CaseEvent.Kind.TAKEN, c.getState(), actor, staff.displayName(actor) + " 认领承办");
    }

    /** 分派: the unit's head or a supervisor hands the case to a colleague of its unit. */
    public ServiceCase assign(String number, String actor, String assignee, String note) {
        ServiceCase c = find(number);
        requireAssignable(CaseAction.ASSIGN, c, "这件诉求现在不能分派");
        String to = nextOwner(c, assignee);
        String was = c.getOwner() == null ? "" : "（原承办人 " + staff.displayName(c.getOwner()) + "）";
        c.assignTo(to, clock.instant());
        return record(c, CaseEvent.Kind.ASSIGNED, c.getState(), actor, join("分派给 " + staff.displayName(to) + was, note));
    }

    /** The colleague of the case's unit who is to own it next: not the one who owns it already. */
    private String nextOwner(ServiceCase c, String assignee) {
        String to = staff.colleague(assignee, c.getUnit()).getUsername();
        if (to.equals(c.getOwner())) {
            throw ProblemException.conflict(staff.displayName(to) + " 已是这件诉求的承办人");
        }
        return to;
    }

    /** 转交: the assignee passes the case on to a colleague of its unit. */
    public ServiceCase pass(String number, String actor, String assignee, String note) {
        ServiceCase c = find(number);
        requireAssignable(CaseAction.PASS, c, "这件诉求还没有承办人");
        String to = nextOwner(c, assignee);
        c.assignTo(to, clock.instant());
        return record(c, CaseEvent.Kind.PASSED, c.getState(), actor,
                join(staff.displayName(actor) + " 转交给 " + staff.displayName(to), note));
    }

    private ServiceCase labelled(ServiceCase c, String actor, String what) {
        c.touched(clock.instant());
        return record(c, CaseEvent.Kind.TAGGED, c.getState(), actor, what);
    }

    private static void requireAssignable(CaseAction action, ServiceCase c, String why) {
        if (!action.possibleOn(c)) {
            throw ProblemException.conflict(c.isOpen() && c.getUnit() != null ? why : "这件诉求未在办理中，不能变更承办人");
        }
    }

    /** The case, if this person may read this much of it: 404 when there is none, 403 when it is not theirs to see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ServiceCase read(Staff who, CaseAction read, String number) {
        ServiceCase c = find(number);
        CasePermissions.require(read, who, c);
        return c;
    }

    /** 派单 (并行派单 when there are assisting units). */
    public ServiceCase dispatch(String number, String actor, String unit, List<String> assistingUnits, String note) {
        require(unit, "unit");
        ServiceCase c = find(number);
        Instant now = clock.instant();
        CaseState before = c.getState();
        c.apply(CaseTransition.DISPATCH, now);
        c.routeTo(unit.strip(), null, assistingUnits, null, now, config.acceptWithin(), config.acceptEscalateAfter());
        String assisting = assistingUnits == null || assistingUnits.isEmpty() ? "" : "（协办：" + String.join("、", assistingUnits) + "）";
        return record(c, CaseTransition.DISPATCH.kind(), before, actor, join("派往 " + unit.strip() + assisting, note),
                "派往 " + unit.strip());
    }

    /** 签收: the first person to accept owns the case to the end. */
    public ServiceCase accept(String number, String actor) {
        ServiceCase c = find(number);
        Instant now = clock.instant();
        CaseState before = c.getState();
        c.apply(CaseTransition.ACCEPT, now);
        c.acceptedBy(actor, now);
        c.getSchedule().owesOpinion(opinionWithin(c.getHandlingClass()));
        return record(c, CaseTransition.ACCEPT.kind(), before, actor, null);
    }

    public ServiceCase start(String number, String actor) {
        ServiceCase c = owned(number, actor);
        Instant now = clock.instant();
        CaseState before = c.getState();
        c.apply(CaseTransition.START, now);
        return record(c, CaseTransition.START.kind(), before, actor, null);
    }

    /** 办结, where what was done is also the answer to the resident (trusted callers and tests). */
    public ServiceCase resolve(String number, String actor, String whatWasDone, String photoPath) {
        return resolve(number, actor, whatWasDone, whatWasDone, photoPath);
    }

    /**
     * 办结: what was done (办理情况, for staff), the answer to the resident (答复居民: the resident's card,
     * their timeline, Open311 and the echo wall read it; none gives them a plain 已办结) and a photo.
     */
    public ServiceCase resolve(String number, String actor, String whatWasDone, String publicReply, String photoPath) {
        require(whatWasDone, "whatWasDone");
        ServiceCase c = owned(number, actor);
        Instant now = clock.instant();
        CaseState before = c.getState();
        c.apply(CaseTransition.RESOLVE, now);
        String reply = publicReply == null || publicReply.isBlank() ? null : publicReply.strip();
        c.resolvedWith(whatWasDone.strip(), reply, photoPath, now);
        return record(c, CaseTransition.RESOLVE.kind(), before, actor, whatWasDone.strip(), reply);
    }

    /** 退单: not ours, back to dispatch, with the reason. */
    public ServiceCase returnToDispatch(String number, String actor, String reason) {
        require(reason, "reason");
        ServiceCase c = find(number);
        Instant now = clock.instant();
        CaseState before = c.getState();
        c.apply(CaseTransition.RETURN, now);
        c.unroute();
        return record(c, CaseTransition.RETURN.kind(), before, actor, reason.strip());
    }

    /** 转办: to another unit, which must accept it anew. */
    public ServiceCase transfer(String number, String actor, String unit, String reason) {
        require(unit, "unit");
        require(reason, "reason");
        ServiceCase c = find(number);
        Instant now = clock.instant();
        CaseState before = c.getState();
        c.apply(CaseTransition.TRANSFER, now);
        c.routeTo(unit.strip(), null, List.of(), null, now, config.acceptWithin(), config.acceptEscalateAfter());
        return record(c, CaseTransition.TRANSFER.kind(), before, actor, "转至 " + unit.strip() + "：" + reason.strip(),
                "转至 " + unit.strip());
    }

    /**
     * 上提一级: the unit holding the case did not resolve it in time, so the unit above leads it from
     * now on and must sign for it; the unit below stays on it as an assisting unit, as do the others.
     */
    ServiceCase raise(ServiceCase c, String parent, Duration after) {
        Instant now = clock.instant();
        CaseState before = c.getState();
        String below = c.getUnit();
        List<String> assisting = new java.util.ArrayList<>(List.of(below));
        if (c.getUnits().getAssistingUnits() != null) {
            assisting.addAll(List.of(c.getUnits().getAssistingUnits().split(",")));
        }
        assisting.remove(parent);
        c.apply(CaseTransition.TRANSFER, now);
        c.routeTo(parent, null, assisting, null, now, config.acceptWithin(), config.acceptEscalateAfter());
        return record(c, CaseTransition.TRANSFER.kind(), before, SYSTEM, below + " " + after.toHours()
                + " 小时未办结，上提至 " + parent + " 牵头办理（" + below + " 协办）", "上提至 " + parent + " 牵头办理");
    }

    /** Reopened by staff; flagged for supervision like a 差评件. */
    public ServiceCase reopen(String number, String actor, String reason) {
        require(reason, "reason");
        ServiceCase c = find(number);
        Instant now = clock.instant();
        CaseState before = c.getState();
        c.apply(CaseTransition.REOPEN, now);
        c.reopenFlagged(now);
        return record(c, CaseTransition.REOPEN.kind(), before, actor, reason.strip());
    }

    public ServiceCase archive(String number, String actor, String note) {
        ServiceCase c = find(number);
        if (CaseTransition.ARCHIVE.allowedFrom(c.getState()) && c.isReviewNeeded()) {
            throw ProblemException.conflict(c.getFollowUp().getReviewPassed() == null
                    ? "差评件和热点主诉求须先复查（由办理人以外的人员现场核实并拍照）才能归档"
                    : "复查未通过，须重新办理并再次复查后才能归档");
        }
        Instant now = clock.instant();
        CaseState before = c.getState();
        c.apply(CaseTransition.ARCHIVE, now);
        c.archived(now);
        return record(c, CaseTransition.ARCHIVE.kind(), before, actor, note);
    }

    public ServiceCase pause(String number, String actor, String reason) {
        require(reason, "reason");
        ServiceCase c = find(number);
        c.pause(clock.instant());
        return record(c, CaseEvent.Kind.PAUSED, c.getState(), actor, reason.strip());
    }

    public ServiceCase resume(String number, String actor) {
        ServiceCase c = find(number);
        c.resume(clock.instant());
        return record(c, CaseEvent.Kind.RESUMED, c.getState(), actor, "新的办结时限 " + c.getDueAt());
    }

    public ServiceCase requestExtension(String number, String actor, Instant until, String reason) {
        require(reason, "reason");
        if (until == null) {
            throw ProblemException.badRequest("until", "until is required");
        }
        ServiceCase c = find(number);
        c.requestExtension(until, clock.instant());
        return record(c, CaseEvent.Kind.EXTENSION_REQUESTED, c.getState(), actor, until + "：" + reason.strip());
    }

    /** The new date stands, and the resident is told it. */
    public ServiceCase approveExtension(String number, String actor) {
        ServiceCase c = find(number);
        Instant due = c.approveExtension(clock.instant());
        return record(c, CaseEvent.Kind.EXTENSION_APPROVED, c.getState(), actor, due.toString());
    }

    public ServiceCase rejectExtension(String number, String actor, String reason) {
        ServiceCase c = find(number);
        c.rejectExtension(clock.instant());
        return record(c, CaseEvent.Kind.EXTENSION_REJECTED, c.getState(), actor, reason);
    }

    /**
     * Links a duplicate to the case it repeats (same category, close by): the duplicate's resident
     * follows that case from now on and hears of its progress.
     */
    public ServiceCase link(String number, String parentNumber, String actor) {
        ServiceCase c = find(number);
        ServiceCase parent = find(parentNumber);
        if (c.getId().equals(parent.getId()) || !c.getCategory().equals(parent.getCategory())) {
            throw ProblemException.conflict("only a case of the same category can be linked to another");
        }
        Instant now = clock.instant();
        c.linkTo(parent.getNumber(), now);
        if (c.getPhone() != null && !parent.belongsTo(c.getPhone())) {
            followers.add(parent.getId(), c.getPhone(), now);
        }
        return record(c, CaseEvent.Kind.LINKED, c.getState(), actor, "重复件，关联 " + parent.getNumber(),
                "与 " + parent.getNumber() + " 为同一事项，一并办理");
    }

    /** How long after acceptance a case of this class owes its 办理意见 (疑难件 only): the rules' opinionHours, else the config's. */
    java.time.Duration opinionWithin(HandlingClass handling) {
        if (handling != HandlingClass.HARD) {
            return null;
        }
        return rules.classRule(handling).map(DispatchRules.ClassRule::opinionHours).map(Duration::ofHours)
                .orElse(config.opinionWithin());
    }

    /** 办理意见: what the lead unit will do about a 疑难件 and by when, owed within 3 days of acceptance. */
    public ServiceCase opinion(String number, String actor, String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("text", "请填写办理意见");
        }
        if (text.strip().length() > 2000) {
            throw ProblemException.badRequest("text", "办理意见最多 2000 字");
        }
        ServiceCase c = owned(number, actor);
        c.opinionGiven(text.strip(), clock.instant());
        return record(c, CaseEvent.Kind.OPINION, c.getState(), actor, text.strip());
    }

    /** An internal note: history only, the resident is not told. */
    public void note(String number, String actor, String text) {
        require(text, "text");
        ServiceCase c = find(number);
        events.persist(new CaseEvent(c, clock.instant(), actor, CaseEvent.Kind.NOTE, c.getState(), text.strip()));
    }

    /** Staff wrote to the resident about this case: history only, the reply itself goes through the outbox. */
    public void replied(String number, String actor, String summary) {
        ServiceCase c = find(number);
        String note = summary == null || summary.isBlank() ? "（卡片）" : summary.strip();
        if (note.length() > 500) {
            note = note.substring(0, 499) + "…";
        }
        // the resident received these words already: their timeline may show them again
        events.persist(new CaseEvent(c, clock.instant(), actor, CaseEvent.Kind.REPLIED, c.getState(), note, note));
    }

    ServiceCase record(ServiceCase c, CaseEvent.Kind kind, CaseState before, String actor, String note) {
        return record(c, kind, before, actor, note, null);
    }

    /** Keeps the entry ({@code note} for staff, {@code publicText} for the resident and, by its kind, the public) and fires the change. */
    ServiceCase record(ServiceCase c, CaseEvent.Kind kind, CaseState before, String actor, String note, String publicText) {
        CaseEvent event = new CaseEvent(c, clock.instant(), actor, kind, before, note, publicText);
        events.persist(event);
        changed.fire(new CaseChanged(c, kind, note, actor, event.getPublicText()));
        return c;
    }

    ServiceCase find(String number) {
        return cases.findByNumber(number).orElseThrow(() -> ProblemException.notFound("no case " + number));
    }

    /** 首办负责制: once accepted, only its owner moves the case on. */
    private ServiceCase owned(String number, String actor) {
        ServiceCase c = find(number);
        if (c.getOwner() != null && !c.getOwner().equals(actor)) {
            throw new ProblemException(org.minhu.common.Problem.of(403, "not-owner", "Not the owner",
                    "case " + number + " is owned by " + c.getOwner() + ", who accepted it first"));
        }
        return c;
    }

    static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field, field + " is required");
        }
    }

    static String join(String a, String b) {
        return b == null || b.isBlank() ? a : a + "：" + b.strip();
    }
}
