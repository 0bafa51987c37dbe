package org.minhu.cases;

import org.minhu.common.Problem;
import org.minhu.common.ProblemException;
import org.minhu.security.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.minhu.cases.CaseAction.*;
import static org.minhu.cases.CasePermissions.Relation.ASSISTING;
import static org.minhu.cases.CasePermissions.Relation.LEAD;
import static org.minhu.cases.CasePermissions.Relation.NONE;
import static org.minhu.security.Role.ADMIN;
import static org.minhu.security.Role.GRID;
import static org.minhu.security.Role.HANDLER;
import static org.minhu.security.Role.OPERATOR;
import static org.minhu.security.Role.SUPERVISOR;

/**
 * Who may see and do what with a case: the one table. Every channel (the console's pages and the
 * buttons they show, {@code /api/cases}, anything later) asks here, through {@link CaseLifecycle#perform}
 * for changes and {@link #require} for reads. A row is (action, role, relations to the case it
 * holds for, whether only the case's owner (承办人) may once it has one, whether only the head of the
 * unit may); the case's state is the
 * action's own condition ({@link CaseAction#possibleOn}). No row, no permission: a new action or a
 * new role is refused everywhere until its rows are added here.
 *
 * <p>The relation of a person to a case is their unit's: {@link Relation#LEAD} (the case's unit),
 * {@link Relation#ASSISTING} (one of its assisting units, {@link ServiceCase#involves}) or
 * {@link Relation#NONE}. Roles not kept to a unit (operators, supervisors, admins) have none and
 * their rows hold for {@link #ANY} relation.
 */
public final class CasePermissions {

    public enum Relation { LEAD, ASSISTING, NONE }

    /** A row of the table. */
    public record Row(CaseAction action, Role role, Set<Relation> relations, boolean ownerOnly, boolean headOnly) {
    }

    private static final Set<Relation> ANY = EnumSet.allOf(Relation.class);
    private static final Set<Relation> OWN_UNIT = EnumSet.of(LEAD);
    private static final Set<Relation> INVOLVED = EnumSet.of(LEAD, ASSISTING);

    private static final List<Row> TABLE = List.of(
            // reading the case, its history, the resident's conversation about it, its photos and files
            row(READ_CASE, OPERATOR, ANY), row(READ_CASE, HANDLER, INVOLVED), row(READ_CASE, SUPERVISOR, ANY), row(READ_CASE, ADMIN, ANY),
            row(READ_HISTORY, OPERATOR, ANY), row(READ_HISTORY, HANDLER, INVOLVED), row(READ_HISTORY, SUPERVISOR, ANY), row(READ_HISTORY, ADMIN, ANY),
            row(READ_CONVERSATION, OPERATOR, ANY), row(READ_CONVERSATION, HANDLER, INVOLVED), row(READ_CONVERSATION, SUPERVISOR, ANY), row(READ_CONVERSATION, ADMIN, ANY),
            row(READ_MEDIA, OPERATOR, ANY), row(READ_MEDIA, HANDLER, INVOLVED), row(READ_MEDIA, SUPERVISOR, ANY), row(READ_MEDIA, ADMIN, ANY),
            // internal notes: whoever may read the case; writing to the resident: the lead unit and the desk
            row(NOTE, OPERATOR, ANY), row(NOTE, HANDLER, INVOLVED), row(NOTE, SUPERVISOR, ANY), row(NOTE, ADMIN, ANY),
            row(REPLY, OPERATOR, ANY), row(REPLY, HANDLER, OWN_UNIT), row(REPLY, SUPERVISOR, ANY), row(REPLY, ADMIN, ANY),
            // 派单 and 重复件: the desk (operators) and supervisors
            row(DISPATCH, OPERATOR, ANY), row(DISPATCH, SUPERVISOR, ANY), row(DISPATCH, ADMIN, ANY),
            row(LINK, OPERATOR, ANY), row(LINK, SUPERVISOR, ANY), row(LINK, ADMIN, ANY),
            // 签收, 办理, 办结: the lead unit; once it has an assignee only they (首办负责制)
            owner(ACCEPT, HANDLER, OWN_UNIT), owner(ACCEPT, SUPERVISOR, ANY), owner(ACCEPT, ADMIN, ANY),
            // the assignee: a handler takes an unassigned case of their unit (我来办); the unit's head and
            // supervisors hand it to a colleague of the unit (分派); the assignee passes it on (转交)
            row(TAKE, HANDLER, OWN_UNIT),
            head(ASSIGN, HANDLER, OWN_UNIT), row(ASSIGN, SUPERVISOR, ANY), row(ASSIGN, ADMIN, ANY),
            owner(PASS, HANDLER, OWN_UNIT),
            // labels: whoever may note the case
            row(TAG, OPERATOR, ANY), row(TAG, HANDLER, INVOLVED), row(TAG, SUPERVISOR, ANY), row(TAG, ADMIN, ANY),
            row(UNTAG, OPERATOR, ANY), row(UNTAG, HANDLER, INVOLVED), row(UNTAG, SUPERVISOR, ANY), row(UNTAG, ADMIN, ANY),
            owner(START, HANDLER, OWN_UNIT), owner(START, SUPERVISOR, ANY), owner(START, ADMIN, ANY),
            owner(RESOLVE, HANDLER, OWN_UNIT), owner(RESOLVE, SUPERVISOR, ANY), owner(RESOLVE, ADMIN, ANY),
            // 办理意见 of a 疑难件: its owner (the lead unit's handler who accepted it)
            owner(OPINION, HANDLER, OWN_UNIT), owner(OPINION, SUPERVISOR, ANY), owner(OPINION, ADMIN, ANY),
            // 退单, 转办: the lead unit sends it back or on; the desk and supervisors too
            row(RETURN, OPERATOR, ANY), row(RETURN, HANDLER, OWN_UNIT), row(RETURN, SUPERVISOR, ANY), row(RETURN, ADMIN, ANY),
            row(TRANSFER, OPERATOR, ANY), row(TRANSFER, HANDLER, OWN_UNIT), row(TRANSFER, SUPERVISOR, ANY), row(TRANSFER, ADMIN, ANY),
            // the deadline clock: the lead unit asks, supervisors decide
            row(PAUSE, HANDLER, OWN_UNIT), row(PAUSE, SUPERVISOR, ANY), row(PAUSE, ADMIN, ANY),
            row(RESUME, HANDLER, OWN_UNIT), row(RESUME, SUPERVISOR, ANY), row(RESUME, ADMIN, ANY),
            row(REQUEST_EXTENSION, HANDLER, OWN_UNIT), row(REQUEST_EXTENSION, SUPERVISOR, ANY), row(REQUEST_EXTENSION, ADMIN, ANY),
            row(APPROVE_EXTENSION, SUPERVISOR, ANY), row(APPROVE_EXTENSION, ADMIN, ANY),
            row(REJECT_EXTENSION, SUPERVISOR, ANY), row(REJECT_EXTENSION, ADMIN, ANY),
            // reopening and archiving a closed case: supervisors only
            row(REOPEN, SUPERVISOR, ANY), row(REOPEN, ADMIN, ANY),
            row(ARCHIVE, SUPERVISOR, ANY), row(ARCHIVE, ADMIN, ANY),
            // 诉求类型/办理类别 (the deadline follows): the desk, the lead unit, supervisors
            row(CLASSIFY, OPERATOR, ANY), row(CLASSIFY, HANDLER, OWN_UNIT), row(CLASSIFY, SUPERVISOR, ANY), row(CLASSIFY, ADMIN, ANY),
            // 不予受理 and 回访: the desk and supervisors
            row(DECLINE, OPERATOR, ANY), row(DECLINE, SUPERVISOR, ANY), row(DECLINE, ADMIN, ANY),
            row(CALL_BACK, OPERATOR, ANY), row(CALL_BACK, SUPERVISOR, ANY), row(CALL_BACK, ADMIN, ANY),
            // 复查: on site, by the grid's worker or a handler of a unit on the case (never the owner: CaseLifecycle.review)
            row(REVIEW, GRID, OWN_UNIT), row(REVIEW, HANDLER, INVOLVED), row(REVIEW, SUPERVISOR, ANY), row(REVIEW, ADMIN, ANY),
            // 网格员: the cases of their grid (their unit holds the grid's name), to read and note
            row(READ_CASE, GRID, OWN_UNIT), row(READ_HISTORY, GRID, OWN_UNIT), row(READ_CONVERSATION, GRID, OWN_UNIT),
            row(READ_MEDIA, GRID, OWN_UNIT), row(NOTE, GRID, OWN_UNIT));

    private CasePermissions() {
    }

    private static Row row(CaseAction action, Role role, Set<Relation> relations) {
        return new Row(action, role, relations, false, false);
    }

    private static Row owner(CaseAction action, Role role, Set<Relation> relations) {
        return new Row(action, role, relations, true, false);
    }

    private static Row head(CaseAction action, Role role, Set<Relation> relations) {
        return new Row(action, role, relations, false, true);
    }

    /** The whole table, for the documentation and the test generated from it. */
    public static List<Row> table() {
        return TABLE;
    }

    /** Whether the role has any row for the action: whether a page of such steps is theirs at all. */
    public static boolean roleMay(CaseAction action, Role role) {
        return TABLE.stream().anyMatch(r -> r.action() == action && r.role() == role);
    }

    /**
     * Who a case is with, as the table's relations read it: its lead unit, its assisting units (as
     * stored, comma-separated) and its grid. Enough to decide a read without loading the case, as the
     * live updates do for the cases that changed.
     */
    public record Parties(String unit, String assistingUnits, String grid) {

        public static Parties of(ServiceCase c) {
            return new Parties(c.getUnit(), c.getUnits().getAssistingUnits(), c.getUnits().getGrid());
        }
    }

    /** The person's unit's relation to the case. */
    public static Relation relation(ServiceCase c, Staff who) {
        return relation(Parties.of(c), who);
    }

    /** The person's unit's relation to a case with these parties. */
    public static Relation relation(Parties c, Staff who) {
        if (who.unit() == null) {
            return NONE;
        }
        if (who.role() == GRID) {
            return who.unit().equals(c.grid()) ? LEAD : NONE;
        }
        if (who.unit().equals(c.unit())) {
            return LEAD;
        }
        return ServiceCase.involves(null, c.assistingUnits(), who.unit()) ? ASSISTING : NONE;
    }

    /** Whether the table lets this person do this to this case, whatever its state. */
    public static boolean permits(CaseAction action, Staff who, ServiceCase c) {
        return permits(action, who, relation(c, who), c.getOwner());
    }

    /**
     * Whether the table lets this person read a case with these parties (the case itself, its history,
     * that it changed): the reads have no owner or head rows, so the parties decide.
     */
    public static boolean mayRead(Staff who, Parties c) {
        return permits(READ_CASE, who, relation(c, who), null);
    }

    private static boolean permits(CaseAction action, Staff who, Relation relation, String owner) {
        return TABLE.stream().anyMatch(r -> r.action() == action && r.role() == who.role()
                && r.relations().contains(relation)
                && (!r.headOnly() || who.unitHead())
                && (!r.ownerOnly() || owner == null || owner.equals(who.username())));
    }

    /** Whether a page should offer the action: permitted, and the case is in a condition for it. */
    public static boolean offers(CaseAction action, Staff who, ServiceCase c) {
        return permits(action, who, c) && action.possibleOn(c);
    }

    /** 403 unless the table lets this person do this to this case. */
    public static void require(CaseAction action, Staff who, ServiceCase c) {
        if (!permits(action, who, c)) {
            boolean owned = TABLE.stream().anyMatch(r -> r.action() == action && r.role() == who.role()
                    && r.relations().contains(relation(c, who)) && (!r.headOnly() || who.unitHead()));
            throw new ProblemException(owned
                    ? Problem.of(403, "not-owner", "Not the owner", "这件诉求已有承办人，只有承办人可以继续办理")
                    : Problem.of(403, "not-allowed", "Not allowed", "您的角色不能对这件诉求执行此操作"));
        }
    }

    /** Whether the role sees residents' numbers in full (operators call them back); everyone else sees 138****8000. */
    public static boolean seesFullPhone(Role role) {
        return role == OPERATOR;
    }

    /** A resident's number as this role sees it: the one place numbers are masked. */
    public static String phone(Role role, String phone) {
        return seesFullPhone(role) ? PhoneMask.plain(phone) : PhoneMask.mask(phone);
    }

    /** Who did something in a history: a resident's number is shown like any other number. */
    public static String actor(Role role, String actor) {
        return actor != null && actor.startsWith("tel:") ? phone(role, actor) : actor;
    }
}
