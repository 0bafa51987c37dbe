package org.minhu.proactive.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kills the dispatcher at the worst moment: inside a batch's transaction, after its outbox messages
 * were written and its recipients marked, before the commit. Disarmed it does nothing, so it can
 * stay in every test application.
 */
@ApplicationScoped
public class CrashSwitch {

    private final AtomicInteger crashes = new AtomicInteger();
    private volatile boolean armed;

    /** Every batch dies before it commits, until {@link #disarm()}. */
    public void arm() {
        armed = true;
    }

    public void disarm() {
        armed = false;
    }

    public int crashes() {
        return crashes.get();
    }

    void duringBatch(@Observes NoticesQueued batch) {
        if (armed) {
            crashes.incrementAndGet();
            throw new IllegalStateException("simulated crash with " + batch.queued() + " messages written, not committed");
        }
    }
}
