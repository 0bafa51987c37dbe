package org.minhu.console;

import org.minhu.cases.CaseAction;
import org.minhu.cases.CasePermissions;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.Staff;

/**
 * Which actions the case page offers this viewer: exactly what {@link CasePermissions} permits
 * them and the case's state allows ({@link CaseAction#possibleOn}). The lifecycle checks the same
 * table again when the form is posted; this only hides buttons that would be refused.
 */
public record CaseActions(boolean reply, boolean dispatch, boolean accept, boolean start, boolean resolve,
                          boolean returnToDispatch, boolean transfer, boolean reopen, boolean requestExtension,
                          boolean decideExtension, boolean pause, boolean resume, boolean archive, boolean link,
                          boolean note, boolean opinion, boolean take, boolean assign, boolean pass, boolean tag,
                          boolean untag) {

    public static CaseActions of(ServiceCase c, Viewer viewer) {
        Staff who = viewer.staff();
        return new CaseActions(
                CasePermissions.offers(CaseAction.REPLY, who, c),
                CasePermissions.offers(CaseAction.DISPATCH, who, c),
                CasePermissions.offers(CaseAction.ACCEPT, who, c),
                CasePermissions.offers(CaseAction.START, who, c),
                CasePermissions.offers(CaseAction.RESOLVE, who, c),
                CasePermissions.offers(CaseAction.RETURN, who, c),
                CasePermissions.offers(CaseAction.TRANSFER, who, c),
                CasePermissions.offers(CaseAction.REOPEN, who, c),
                CasePermissions.offers(CaseAction.REQUEST_EXTENSION, who, c),
                CasePermissions.offers(CaseAction.APPROVE_EXTENSION, who, c),
                CasePermissions.offers(CaseAction.PAUSE, who, c),
                CasePermissions.offers(CaseAction.RESUME, who, c),
                CasePermissions.offers(CaseAction.ARCHIVE, who, c),
                CasePermissions.offers(CaseAction.LINK, who, c),
                CasePermissions.offers(CaseAction.NOTE, who, c),
                CasePermissions.offers(CaseAction.OPINION, who, c),
                CasePermissions.offers(CaseAction.TAKE, who, c),
                CasePermissions.offers(CaseAction.ASSIGN, who, c),
                CasePermissions.offers(CaseAction.PASS, who, c),
                CasePermissions.offers(CaseAction.TAG, who, c),
                CasePermissions.offers(CaseAction.UNTAG, who, c));
    }

    public boolean any() {
        return dispatch || accept || start || resolve || returnToDispatch || transfer || reopen || requestExtension
                || decideExtension || pause || resume || archive || link || opinion || take || assign || pass;
    }
}
