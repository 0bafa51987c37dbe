package org.minhu.cases;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Watches deadlines (坪山: countdown reminders, chasing level by level). For an open case whose
 * clock runs: reminders at half and four fifths of the time allowed; past the deadline, escalation
 * to the handler, then (a quarter of the allowance later) the department head, then (half) the
 * supervision office. A dispatched case not accepted in 15 minutes reminds its unit's handlers,
 * in 30 escalates; a 疑难件's 办理意见 is reminded of and escalated when late. Each step is told to
 * its people as a {@link Chase} (the notification centre, a message to their phone). A case its unit
 * has held unresolved longer than the {@link UnitHierarchy} allows (社区 2 日) goes up to the unit above. Resolved cases not rated get one reminder, then are archived unrated.
 * Each step is recorded once: a case is locked while it is checked, so several instances or
 * overlapping runs do not repeat one.
 */
@ApplicationScoped
public class SlaMonitor {

    /** Who is chased at each escalation level (逐级催办). */
    public static final List<String> ESCALATION = List.of("承办人", "部门负责人", "督办室");

    private final ServiceCaseRepository cases;
    private final CaseLifecycle lifecycle;
    private final CasesConfig config;
    private final Clock clock;
    private final jakarta.enterprise.event.Event<Chase> chased;
    private final UnitHierarchy hierarchy;

    public SlaMonitor(ServiceCaseRepository cases, CaseLifecycle lifecycle, CasesConfig config, Clock clock,
                      jakarta.enterprise.event.Event<Chase> chased, UnitHierarchy hierarchy) {
        this.hierarchy = hierarchy;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.config = config;
        this.clock = clock;
        this.chased = chased;
    }

    /** Cases looked at per run at most; more due ones wait for the next run. */
    static final int CHECK_BATCH = 2000;

    @Scheduled(every = "${minhu.cases.sla-check}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void check() {
        Instant now = clock.instant();
        List<Long> open = QuarkusTransaction.requiringNew().call(() -> cases.dueForCheck(now, CHECK_BATCH));
        for (Long id : open) {
            run(() -> checkOpen(id));
        }
        hierarchy.escalating().forEach((unit, after) -> {
            List<Long> stalled = QuarkusTransaction.requiringNew().call(() -> cases.stalledIn(unit, now.minus(after), CHECK_BATCH));
            for (Long id : stalled) {
                run(() -> raise(id, unit, after));
            }
        });
        List<Long> unrated = QuarkusTransaction.requiringNew().call(() -> cases.unratedDue(
                now.minus(config.ratingReminderAfter()), now.minus(config.archiveUnratedAfter()), CHECK_BATCH));
        for (Long id : unrated) {
            run(() -> checkUnrated(id));
        }
    }

    private static void run(Runnable work) {
        try {
            QuarkusTransaction.requiringNew().run(work);
        } catch (RuntimeException e) {
            Log.warn("deadline check of one case failed; the next run tries again", e);
        }
    }

    private void checkOpen(Long id) {
        ServiceCase c = cases.getEntityManager().find(ServiceCase.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            return;
        }
        remindOrEscalate(c, clock.instant());
        // planned again even when nothing changed (a case written before the plan existed, say)
        c.planNextCheck();
    }

    /** 上提一级, if the case is still its unit's and still unresolved once locked (another run may have raised it). */
    private void raise(Long id, String unit, java.time.Duration after) {
        ServiceCase c = cases.getEntityManager().find(ServiceCase.class, id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (c == null || !unit.equals(c.getUnit()) || !c.isOpen() || c.getSchedule().getPausedAt() != null
                || c.getState() == CaseState.RECEIVED || c.getSchedule().getDispatchedAt().plus(after).isAfter(now)) {
            return;
        }
        hierarchy.parentOf(unit).ifPresent(parent -> {
            lifecycle.raise(c, parent, after);
            tell(c, Chase.Kind.RAISED, c.getSchedule().getAcceptDueAt());
        });
    }

    private void remindOrEscalate(ServiceCase c, Instant now) {
        if (!c.isOpen() || c.getSchedule().getPausedAt() != null) {
            return;
        }
        chaseAcceptance(c, now);
        chaseOpinion(c, now);
        boolean beforeDeadline = now.isBefore(c.getDueAt());
        if (beforeDeadline && !now.isBefore(c.getSchedule().reminderAt(c.getCreatedAt(), 2)) && c.getSchedule().remind(2)) {
            lifecycle.record(c, CaseEvent.Kind.REMINDED, c.getState(), CaseLifecycle.SYSTEM, "80%：办结时限将至 " + c.getDueAt());
            tell(c, Chase.Kind.DUE_SOON, c.getDueAt());
        } else if (beforeDeadline && !now.isBefore(c.getSchedule().reminderAt(c.getCreatedAt(), 1)) && c.getSchedule().remind(1)) {
            lifecycle.record(c, CaseEvent.Kind.REMINDED, c.getState(), CaseLifecycle.SYSTEM, "50%：已用去一半时限");
            tell(c, Chase.Kind.DUE_REMINDER, c.getDueAt());
        }
        int level = 0;
        while (level < 3 && !now.isBefore(c.getSchedule().escalationAt(c.getCreatedAt(), level + 1))) {
            level++;
        }
        for (int l = c.getSchedule().getEscalationLevel() + 1; l <= level; l++) {
            if (c.getSchedule().escalate(l)) {
                lifecycle.record(c, CaseEvent.Kind.ESCALATED, c.getState(), CaseLifecycle.SYSTEM,
                        "超期催办 → " + ESCALATION.get(l - 1));
                tell(c, OVERDUE.get(l - 1), c.getDueAt());
            }
        }
    }

    private static final List<Chase.Kind> OVERDUE =
            List.of(Chase.Kind.OVERDUE, Chase.Kind.OVERDUE_HEAD, Chase.Kind.OVERDUE_SUPERVISION);

    /** 15 minutes (minhu.cases.accept-within) without acceptance: the unit's handlers; 30 (accept-escalate-after): its head. */
    private void chaseAcceptance(ServiceCase c, Instant now) {
        if (!c.isAwaitingAcceptance()) {
            return;
        }
        if (!now.isBefore(c.getSchedule().acceptEscalationAt()) && c.getSchedule().chaseAcceptance(2)) {
            lifecycle.record(c, CaseEvent.Kind.ESCALATED, c.getState(), CaseLifecycle.SYSTEM, "超时未受理，已升级：" + c.getUnit());
            tell(c, Chase.Kind.ACCEPT_ESCALATION, c.getSchedule().getAcceptDueAt());
        } else if (!now.isBefore(c.getSchedule().getAcceptDueAt()) && c.getSchedule().chaseAcceptance(1)) {
            lifecycle.record(c, CaseEvent.Kind.REMINDED, c.getState(), CaseLifecycle.SYSTEM, "超时未受理，已提醒：" + c.getUnit());
            tell(c, Chase.Kind.ACCEPT_REMINDER, c.getSchedule().getAcceptDueAt());
        }
    }

    /** A 疑难件's 办理意见: the owner is reminded two thirds of the way, the unit's head told once it is late. */
    private void chaseOpinion(ServiceCase c, Instant now) {
        if (!c.isOpinionOwed()) {
            return;
        }
        if (!now.isBefore(c.getSchedule().getOpinion().escalationAt()) && c.getSchedule().getOpinion().chase(2)) {
            lifecycle.record(c, CaseEvent.Kind.ESCALATED, c.getState(), CaseLifecycle.SYSTEM, "办理意见超期未提交，已升级");
            tell(c, Chase.Kind.OPINION_ESCALATION, c.getSchedule().getOpinion().getDueAt());
        } else if (!now.isBefore(c.getSchedule().opinionReminderAt(c.getCreatedAt())) && c.getSchedule().getOpinion().chase(1)) {
            lifecycle.record(c, CaseEvent.Kind.REMINDED, c.getState(), CaseLifecycle.SYSTEM, "办理意见将到期，已提醒");
            tell(c, Chase.Kind.OPINION_REMINDER, c.getSchedule().getOpinion().getDueAt());
        }
    }

    private void tell(ServiceCase c, Chase.Kind kind, Instant deadline) {
        chased.fire(new Chase(c, kind, deadline));
    }

    private void checkUnrated(Long id) {
        ServiceCase c = cases.getEntityManager().find(ServiceCase.class, id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (c == null || c.getState() != CaseState.RESOLVED) {
            return;
        }
        if (c.getFollowUp().getRatingRemindedAt() == null) {
            c.ratingReminded(now);
            lifecycle.record(c, CaseEvent.Kind.REMINDED, c.getState(), CaseLifecycle.SYSTEM, "rating");
        } else if (!now.isBefore(c.getResolvedAt().plus(config.archiveUnratedAfter())) && !c.isReviewNeeded()) {
            // a case owing a 复查 waits for it: archiving is the reviewer's to allow
            lifecycle.archive(c.getNumber(), CaseLifecycle.SYSTEM, "未评价，自动归档");
        }
    }
}
