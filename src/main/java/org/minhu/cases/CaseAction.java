package org.minhu.cases;

import org.minhu.cases.CaseActionForm.Choices;
import org.minhu.cases.CaseActionForm.Into;
import org.minhu.cases.CaseActionForm.Kind;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

import static org.minhu.cases.CaseActionForm.Kind.ASSIGNEE;
import static org.minhu.cases.CaseActionForm.Kind.DATETIME;
import static org.minhu.cases.CaseActionForm.Kind.OTHER_UNIT;
import static org.minhu.cases.CaseActionForm.Kind.PHOTO;
import static org.minhu.cases.CaseActionForm.Kind.TEXT;
import static org.minhu.cases.CaseActionForm.Kind.TEXTAREA;
import static org.minhu.cases.CaseActionForm.Kind.UNIT;
import static org.minhu.cases.CaseActionForm.Style.DANGER;
import static org.minhu.cases.CaseActionForm.Style.PLAIN;
import static org.minhu.cases.CaseActionForm.Style.PRIMARY;
import static org.minhu.cases.CaseActionForm.button;
import static org.minhu.cases.CaseActionForm.choice;
import static org.minhu.cases.CaseActionForm.asking;
import static org.minhu.cases.CaseActionForm.optional;
import static org.minhu.cases.CaseActionForm.required;

/**
 * Everything staff may do to or read of a case, each with the condition of the case under which it
 * makes sense at all (its state, a pending extension, a phone to reply to) and, for the changes that
 * go through {@link CaseLifecycle#perform}, its form ({@link CaseActionForm}: addresses, button, fields),
 * which the console, the API and the case page read. Who may do it is {@link CasePermissions}' table. A case outside the condition answers 409, a person outside the table 403.
 */
public enum CaseAction {
    // reads
    READ_CASE(c -> true),
    READ_HISTORY(c -> true),
    READ_CONVERSATION(c -> true),
    READ_MEDIA(c -> true),
    // writes that leave the state as it is (a reply goes to the resident through the outbox, not the lifecycle)
    NOTE(c -> true, asking("note", "notes", "内部备注", "记录备注", PLAIN, "备注已记录",
            required("text", TEXTAREA, "内部备注", "仅工作人员可见", Into.TEXT).json("reason"))),
    REPLY(c -> c.getPhone() != null),
    // the state machine (CaseTransition)
    DISPATCH(transition(CaseTransition.DISPATCH), asking("dispatch", "dispatch", "派单", "派单", PRIMARY, "已派单",
            required("unit", UNIT, "承办单位", null, Into.UNIT),
            // as typed: the case splits and trims it (ServiceCase.routeTo)
            optional("assisting", TEXT, "协办单位", "协办单位，逗号分隔（可选）", Into.ASSISTING_UNITS).json("assistingUnits"),
            optional("note", TEXT, "派单说明", "派单说明（可选）", Into.TEXT)).unfolded()),
    ACCEPT(transition(CaseTransition.ACCEPT), button("accept", "accept", "签收", PRIMARY, "已签收，您是这件诉求的首办责任人")),
    START(transition(CaseTransition.START), button("start", "start", "开始办理", PLAIN, "已开始办理")),
    RESOLVE(transition(CaseTransition.RESOLVE), asking("resolve", "resolve", "办结", "办结", PRIMARY, "已办结，已请居民评价",
            required("whatWasDone", TEXTAREA, "办理情况", "办理情况：做了什么（仅工作人员可见）", Into.TEXT),
            optional("publicReply", TEXTAREA, "答复居民", "答复居民：居民和回音壁会看到这段话（请勿写姓名、电话、门牌号）",
                    Into.PUBLIC_REPLY),
            optional("photo", PHOTO, "现场照片（可选）", null, Into.PHOTO_PATH)).unfolded()),
    RETURN(transition(CaseTransition.RETURN), asking("return", "return", "退单", "退单", DANGER, "已退单",
            required("reason", TEXT, "退单理由", "退单理由：为何不属本单位", Into.TEXT))),
    TRANSFER(transition(CaseTransition.TRANSFER), asking("transfer", "transfer", "转办", "转办", PLAIN, "已转办",
            required("unit", OTHER_UNIT, "转至单位", null, Into.UNIT),
            required("reason", TEXT, "转办理由", "转办理由", Into.TEXT))),
    REOPEN(transition(CaseTransition.REOPEN), asking("reopen", "reopen", "重新办理", "重新办理", DANGER, "已重新办理",
            required("reason", TEXT, "重新办理理由", "重新办理的理由", Into.TEXT))),
    ARCHIVE(transition(CaseTransition.ARCHIVE), asking("archive", "archive", "归档", "归档", PLAIN, "已归档",
            optional("note", TEXT, "归档说明", "归档说明（可选）", Into.TEXT))),
    // the deadline clock
    PAUSE(c -> c.isOpen() && c.getSchedule().getPausedAt() == null, asking("pause", "pause", "暂停计时", "暂停", PLAIN, "已暂停计时",
            required("reason", TEXT, "暂停理由", "暂停理由（如等待居民补充材料）", Into.TEXT))),
    RESUME(c -> c.isOpen() && c.getSchedule().getPausedAt() != null, button("resume", "resume", "恢复计时", PLAIN, "已恢复计时")),
    REQUEST_EXTENSION(c -> c.isOpen() && c.getState() != CaseState.RECEIVED && c.getSchedule().getRequestedDue() == null,
            asking("extend", "extension", "申请延期", "提交申请", PLAIN, "延期申请已提交",
                    required("until", DATETIME, "延期至", null, Into.UNTIL),
                    required("reason", TEXT, "延期理由", "延期理由", Into.TEXT))),
    APPROVE_EXTENSION(c -> c.getSchedule().getRequestedDue() != null,
            button("approve-extension", "extension/approve", "批准延期", PRIMARY, "已批准延期")),
    REJECT_EXTENSION(c -> c.getSchedule().getRequestedDue() != null,
            asking("reject-extension", "extension/reject", "驳回延期", "驳回", DANGER, "已驳回延期",
                    required("reason", TEXT, "驳回理由", "驳回理由", Into.TEXT).optionalToTheService())),
    // 办理意见 of a 疑难件, owed within 3 days of acceptance
    OPINION(ServiceCase::isOpinionOwed, asking("opinion", "opinion", "办理意见", "提交办理意见", PRIMARY, "办理意见已提交",
            required("text", TEXTAREA, "办理意见", "疑难件办理意见：牵头单位、协办分工、办理步骤和预计完成时间", Into.TEXT)
                    .maxLength(2000)).unfolded()),
    // 重复件: the resident of this case follows the main one from now on
    LINK(c -> c.isOpen() && c.getLinkedTo() == null, asking("link", "link", "标记为重复件", "关联", PLAIN, null,
            required("parent", TEXT, "主诉求编号", "主诉求编号，如 MH-20260608-0001", Into.PARENT))),
    // casework: 诉求类型/办理类别 while open (the deadline follows), 不予受理 with a reason from the dispatch
    // rules' list, 回访 of a resolved case, 复查 (another person, on site, with a photo) before archiving
    CLASSIFY(states(CaseState.RECEIVED, CaseState.DISPATCHED, CaseState.ACCEPTED, CaseState.IN_PROGRESS),
            asking("classify", "classify", "调整类型与类别", "保存", PLAIN, "诉求类型和办理类别已更新，办结时限随之调整",
                    choice("requestType", "诉求类型", Choices.REQUEST_TYPE, Into.REQUEST_TYPE),
                    choice("handlingClass", "办理类别", Choices.HANDLING_CLASS, Into.HANDLING_CLASS))),
    DECLINE(transition(CaseTransition.DECLINE),
            asking("decline", "decline", "不予受理", "不予受理", DANGER, "已不予受理，已告知居民原因和办理途径",
                    choice("reason", "不予受理理由", Choices.DECLINE_REASON, Into.REASON),
                    optional("note", TEXT, "补充说明", "补充说明（可选，居民在办理进度中可见）", Into.TEXT))),
    CALL_BACK(states(CaseState.RESOLVED),
            asking("call-back", "call-back", "电话回访", "记录回访", PRIMARY, "回访结果已记录",
                    choice("result", "回访结果", Choices.CALL_BACK_RESULT, Into.CALL_BACK_RESULT),
                    optional("note", TEXT, "回访记录", "居民的意见（可选）", Into.TEXT)).unfolded()),
    REVIEW(states(CaseState.RESOLVED, CaseState.RATED),
            asking("review", "review", "复查", "提交复查", PRIMARY, "复查结果已记录",
                    choice("passed", "复查结论", Choices.REVIEW_RESULT, Into.PASSED),
                    required("photo", PHOTO, "现场照片", null, Into.PHOTO_PATH).json("photoPath"),
                    optional("note", TEXT, "复查说明", "复查说明（可选）", Into.TEXT)).unfolded()),
    // the assignee within the lead unit (承办人): 我来办, 分派 to a colleague, 转交 to a colleague
    TAKE(c -> c.isOpen() && c.getUnit() != null && c.getState() != CaseState.RECEIVED && c.getOwner() == null,
            button("take", "take", "我来办", PRIMARY, "您已是这件诉求的承办人")),
    ASSIGN(c -> c.isOpen() && c.getUnit() != null && c.getState() != CaseState.RECEIVED,
            asking("assign", "assign", "分派承办人", "分派", PLAIN, "已分派承办人",
                    required("assignee", ASSIGNEE, "分派给", "选择本单位同事", Into.ASSIGNEE),
                    optional("note", TEXT, "分派说明", "说明（可选）", Into.TEXT)).unfolded()),
    PASS(c -> c.isOpen() && c.getUnit() != null && c.getOwner() != null,
            asking("pass", "pass", "转交同事", "转交", PLAIN, "已转交同事",
                    required("assignee", ASSIGNEE, "转交给", "选择本单位同事", Into.ASSIGNEE),
                    optional("note", TEXT, "转交说明", "说明（可选）", Into.TEXT)).unfolded()),
    // labels (标签), on any case, open or closed
    TAG(c -> true, asking("tag", "tag", "标签", "加标签", PLAIN, "已加上标签",
            required("tag", Kind.TAG, "选择标签", "选择标签", Into.TAG))),
    UNTAG(c -> true, asking("untag", "untag", "去掉标签", "×", PLAIN, "已去掉标签",
            required("tag", Kind.TAG, "去掉标签", null, Into.TAG)));

    private final Predicate<ServiceCase> possible;
    private final CaseActionForm form;

    CaseAction(Predicate<ServiceCase> possible) {
        this(possible, null);
    }

    CaseAction(Predicate<ServiceCase> possible, CaseActionForm form) {
        this.possible = possible;
        this.form = form;
    }

    /** What staff send with it and where, when it goes through {@link CaseLifecycle#perform}; none for reads and replies. */
    public Optional<CaseActionForm> form() {
        return Optional.ofNullable(form);
    }

    /** The action the console posts to {@code /console/cases/{n}/<slug>}. */
    public static Optional<CaseAction> bySlug(String slug) {
        return Arrays.stream(values()).filter(a -> a.form != null && a.form.slug().equals(slug)).findFirst();
    }

    /** The action the API is posted to {@code /api/cases/{n}/<api>}. */
    public static Optional<CaseAction> byApiPath(String api) {
        return Arrays.stream(values()).filter(a -> a.form != null && a.form.api().equals(api)).findFirst();
    }

    /** Whether the case is in a condition where this action makes sense (its state, a pending request). */
    public boolean possibleOn(ServiceCase c) {
        return possible.test(c);
    }

    public boolean isRead() {
        return name().startsWith("READ_");
    }

    private static Predicate<ServiceCase> states(CaseState first, CaseState... rest) {
        java.util.Set<CaseState> states = java.util.EnumSet.of(first, rest);
        return c -> states.contains(c.getState());
    }

    private static Predicate<ServiceCase> transition(CaseTransition t) {
        return c -> t.allowedFrom(c.getState());
    }
}
