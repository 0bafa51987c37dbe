package org.minhu.console;

import jakarta.ws.rs.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.minhu.cases.CaseAction;
import org.minhu.cases.CasePermissions;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.Staff;
import org.minhu.security.Role;
import org.minhu.security.StaffIdentities;

import java.util.Arrays;

/**
 * The person looking at a console page: who they are, their role and unit, and so what they may
 * see. A handler sees their own unit's cases (as lead or assisting unit) and no other; numbers are
 * shown in full only to operators, who call residents back.
 */
@RequestScoped
@Named("viewer")
public class Viewer {

    private final SecurityIdentity identity;

    public Viewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public String getUsername() {
        return identity.getPrincipal().getName();
    }

    public String getDisplayName() {
        String name = identity.getAttribute(StaffIdentities.DISPLAY_NAME);
        return name == null ? getUsername() : name;
    }

    public Role getRole() {
        return Arrays.stream(Role.values()).filter(r -> identity.hasRole(r.id())).findFirst()
                .orElseThrow(() -> new ForbiddenException("no console role"));
    }

    public String getUnit() {
        return identity.getAttribute(StaffIdentities.UNIT);
    }

    /** Heads their unit: hands its cases to colleagues. */
    public boolean isUnitHead() {
        return Boolean.TRUE.equals(identity.getAttribute(StaffIdentities.UNIT_HEAD));
    }

    /** Handlers are kept to their unit; everyone else sees every unit. */
    public boolean isUnitScoped() {
        return isHandler();
    }

    /** A grid worker (网格员) sees the cases of their grid, which is kept as their unit. */
    public boolean isGridScoped() {
        return getRole() == Role.GRID;
    }

    public boolean isOperator() {
        return getRole() == Role.OPERATOR;
    }

    public boolean isHandler() {
        return getRole() == Role.HANDLER;
    }

    /** Figures, escalations, exports and extension approvals. */
    public boolean isSupervising() {
        return getRole() == Role.SUPERVISOR || getRole() == Role.ADMIN;
    }

    public boolean isAdmin() {
        return getRole() == Role.ADMIN;
    }

    /** Whoever dispatches: operators at the front desk, supervisors above them. */
    public boolean isDispatching() {
        return getRole() == Role.OPERATOR || isSupervising();
    }

    /** Operators and supervisors answer the conversations handed to a person. */
    public boolean isChatting() {
        return isDispatching();
    }

    public boolean isSeesFullPhone() {
        return CasePermissions.seesFullPhone(getRole());
    }

    /** The viewer as the case rules ({@link CasePermissions}) see them. */
    public Staff staff() {
        return new Staff(getUsername(), getRole(), getUnit(), isUnitHead());
    }

    public boolean canSee(ServiceCase serviceCase) {
        return CasePermissions.permits(CaseAction.READ_CASE, staff(), serviceCase);
    }

    /** 403 for a case outside the viewer's unit: it exists, but it is not theirs to see. */
    public void requireSees(ServiceCase serviceCase) {
        requireMay(CaseAction.READ_CASE, serviceCase);
    }

    /** 403 unless the table lets the viewer read (or do) this with the case. */
    public void requireMay(CaseAction action, ServiceCase serviceCase) {
        if (!CasePermissions.permits(action, staff(), serviceCase)) {
            throw new ForbiddenException("case " + serviceCase.getNumber() + " is not for this viewer");
        }
    }

    /** Who did something in a case's history: a resident's number is masked like any other. */
    public String actor(String actor) {
        String shown = CasePermissions.actor(getRole(), actor);
        // staff by their names (城建办 李强, not handler), the system as 系统
        return actor != null && actor.startsWith("tel:") ? shown
                : io.quarkus.arc.Arc.container().instance(People.class).get().name(shown);
    }

    public String phone(String phone) {
        return CasePermissions.phone(getRole(), phone);
    }
}
