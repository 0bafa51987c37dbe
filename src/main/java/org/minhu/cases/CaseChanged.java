package org.minhu.cases;

/**
 * Fired inside the transaction of every change to a case, so that what follows from it (telling
 * the resident, live updates for staff) commits or rolls back with the change.
 */
public record CaseChanged(ServiceCase serviceCase, CaseEvent.Kind kind, String note, String actor) {
}
