package org.minhu.console;

import org.minhu.cases.CaseState;
import org.minhu.cases.CaseTransition;
import org.minhu.cases.ServiceCase;

/**
 * Which actions the case page offers this viewer: what the case's state allows (the lead's
 * {@link CaseTransition}) and what the viewer's role is for. Operators and supervisors dispatch;
 * the handling unit accepts, works and resolves (only the owner, once accepted); supervisors
 * reopen, decide extensions and archive; dispatchers and supervisors mark an open case as a duplicate
 * of another (重复件), whose resident then follows that case. The lifecycle checks again; this only hides buttons that
 * would be refused.
 */
public record CaseActions(boolean reply, boolean dispatch, boolean accept, boolean start, boolean resolve,
                          boolean returnToDispatch, boolean transfer, boolean reopen, boolean requestExtension,
                          boolean decideExtension, boolean pause, boolean resume, boolean archive, boolean link) {

    public static CaseActions of(ServiceCase c, Viewer viewer) {
        boolean dispatching = viewer.isDispatching();
        boolean handling = viewer.isHandler() || viewer.isSupervising();
        boolean owner = c.getOwner() == null || c.getOwner().equals(viewer.getUsername()) || viewer.isSupervising();
        boolean open = c.isOpen();
        boolean paused = c.getPausedAt() != null;
        return new CaseActions(
                c.getPhone() != null,
                dispatching && CaseTransition.DISPATCH.allowedFrom(c.getState()),
                handling && CaseTransition.ACCEPT.allowedFrom(c.getState()),
                handling && owner && CaseTransition.START.allowedFrom(c.getState()),
                handling && owner && CaseTransition.RESOLVE.allowedFrom(c.getState()),
                (handling || dispatching) && CaseTransition.RETURN.allowedFrom(c.getState()),
                (handling || dispatching) && CaseTransition.TRANSFER.allowedFrom(c.getState()),
                viewer.isSupervising() && CaseTransition.REOPEN.allowedFrom(c.getState()),
                handling && open && c.getState() != CaseState.RECEIVED && c.getRequestedDue() == null,
                viewer.isSupervising() && c.getRequestedDue() != null,
                handling && open && !paused,
                handling && open && paused,
                viewer.isSupervising() && CaseTransition.ARCHIVE.allowedFrom(c.getState()),
                (dispatching || viewer.isSupervising()) && open && c.getLinkedTo() == null);
    }

    public boolean any() {
        return dispatch || accept || start || resolve || returnToDispatch || transfer || reopen || requestExtension
                || decideExtension || pause || resume || archive || link;
    }
}
