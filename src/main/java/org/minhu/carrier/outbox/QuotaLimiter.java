package org.minhu.carrier.outbox;

import java.util.concurrent.TimeUnit;

/** Spaces sends evenly so this instance stays within the platform's per-second quota. */
final class QuotaLimiter {

    private final long intervalNanos;
    private long nextFree = System.nanoTime();

    QuotaLimiter(int perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / perSecond;
    }

    void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long at = Math.max(now, nextFree);
            nextFree = at + intervalNanos;
            wait = at - now;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** The platform said 30003: leave the next second alone. */
    synchronized void backOff() {
        nextFree = Math.max(nextFree, System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
    }
}
