package org.minhu.carrier.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.common.GroupCommit;

import java.util.concurrent.CompletionStage;

/**
 * Delivery reports by group commit: three come for every message we send, each its own signed push,
 * and applying each in a transaction of its own made them most of the work of a busy hour. Pushes
 * that arrive while a group is being written are applied together in the next one, and each push is
 * answered once its group has committed.
 */
@ApplicationScoped
public class DeliveryReportGroups {

    /** Pushes in one transaction at most: a group this size is a few milliseconds of work. */
    static final int MAX_GROUP = 256;

    private final GroupCommit<DeliveryReports.Push, Boolean> groups;

    public DeliveryReportGroups(DeliveryReports reports, MeterRegistry metrics) {
        this.groups = new GroupCommit<>("delivery-reports", MAX_GROUP, reports::applyAll,
                push -> reports.apply(push.reports(), push.nonce()));
        groups.countIn(metrics, "report");
    }

    /** Whether the push queued a plain-text copy (wake the sender), once committed; or its refusal. */
    public CompletionStage<Boolean> apply(DeliveryReports.Push push) {
        return groups.submit(push);
    }

    @PreDestroy
    void close() {
        groups.close();
    }
}
