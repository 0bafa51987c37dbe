package org.minhu.cases;

/**
 * Fired inside the transaction of every change to a case, so that what follows from it (telling
 * the resident, live updates for staff) commits or rolls back with the change. {@code note} is the
 * staff's (internal); {@code publicText} is what the resident may read of it (see {@link CaseEvent.Kind}).
 */
public record CaseChanged(ServiceCase serviceCase, CaseEvent.Kind kind, String note, String actor, String publicText) {

    public CaseChanged(ServiceCase serviceCase, CaseEvent.Kind kind, String note, String actor) {
        this(serviceCase, kind, note, actor, null);
    }
}
