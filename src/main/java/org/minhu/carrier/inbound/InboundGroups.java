package org.minhu.carrier.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.common.GroupCommit;

import java.util.concurrent.CompletionStage;

/**
 * Residents' messages by group commit: pushes that arrive while a group is being stored are stored
 * together in the next one, and each push is answered once its group has committed, so the platform
 * never hears 204 for a message we could still lose.
 */
@ApplicationScoped
public class InboundGroups {

    /** Pushes in one transaction at most. */
    static final int MAX_GROUP = 128;

    private final GroupCommit<InboundStore.Arrival, InboundStore.Outcome> groups;

    public InboundGroups(InboundStore store, MeterRegistry metrics) {
        this.groups = new GroupCommit<>("inbound-store", MAX_GROUP, store::storeAll,
                arrival -> store.store(arrival.push(), arrival.nonce()));
        groups.countIn(metrics, "message");
    }

    /** Stored or a duplicate, once committed; or the push's refusal. */
    public CompletionStage<InboundStore.Outcome> store(InboundPush push, String nonce) {
        return groups.submit(new InboundStore.Arrival(push, nonce));
    }

    @PreDestroy
    void close() {
        groups.close();
    }
}
