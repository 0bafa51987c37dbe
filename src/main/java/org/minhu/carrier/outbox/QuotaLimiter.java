package org.minhu.carrier.outbox;

import java.util.concurrent.TimeUnit;

/**
 * A token bucket that keeps this instance within the platform's per-second quota: tokens refill at
 * the quota's rate and a burst may use what a twentieth of a second refills, so sending at the full
 * rate does not mean sleeping before every send.
 */
final class QuotaLimiter {

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long refilledAt = System.nanoTime();

    QuotaLimiter(int perSecond) {
        this.perNano = perSecond <= 0 ? 0 : perSecond / 1e9;
        this.capacity = Math.max(1, perSecond / 20.0);
        this.tokens = capacity;
    }

    /** Takes one token, waiting for it if the bucket is empty. */
    void acquire() throws InterruptedException {
        if (perNano == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            refill();
            tokens -= 1;
            wait = tokens >= 0 ? 0 : (long) (-tokens / perNano);
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
    }

    /** The platform said 30003: leave the next second alone. */
    synchronized void backOff() {
        if (perNano == 0) {
            return;
        }
        refill();
        tokens = Math.min(tokens, 0) - 1e9 * perNano;
    }
}
