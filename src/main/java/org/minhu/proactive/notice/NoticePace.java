package org.minhu.proactive.notice;

/**
 * How many notice messages may go into the outbox now. Notices get a share of the carrier's quota
 * per second (a token bucket holding at most one second's worth) and per day. And they never fill
 * the outbox beyond what it sends in half a second, measured as it goes: the sender takes each
 * resident's messages oldest first, so a reply or case update queued at any moment waits behind at
 * most that much campaign, however slowly the carrier is taking messages just then.
 */
final class NoticePace {

    /** Seconds of sending a campaign may keep waiting in the outbox, ahead of anything queued after it. */
    static final double AHEAD = 0.5;
    /** Enough to learn how fast the outbox empties when nothing is known yet. */
    static final int FIRST_BACKLOG = 10;

    private final int perSecond;
    private final long perDay;
    private double credit;
    private long lastNanos;
    private long lastBacklog;
    private long queuedSince;
    private double drainPerSecond;

    /**
     * @param carrierPerSecond the carrier's per-second quota ({@code minhu.carrier.send.quota-per-second})
     * @param carrierPerDay    the carrier's daily quota, 0 when it sets none
     * @param share            the part of both that notices may use, above 0 and at most 1
     */
    NoticePace(int carrierPerSecond, long carrierPerDay, double share, long nowNanos) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("minhu.proactive.notices.quota-share must be above 0 and at most 1, was " + share);
        }
        this.perSecond = Math.max(1, (int) Math.floor(carrierPerSecond * share));
        this.perDay = carrierPerDay <= 0 ? Long.MAX_VALUE : (long) Math.floor(carrierPerDay * share);
        this.lastNanos = nowNanos;
    }

    int perSecond() {
        return perSecond;
    }

    long perDay() {
        return perDay;
    }

    /** Messages per second the outbox was last seen to send (all kinds, as far as notices can tell). */
    synchronized double drainPerSecond() {
        return drainPerSecond;
    }

    /**
     * @param backlog     messages of any kind waiting in the outbox
     * @param queuedToday notice messages queued since midnight in the city's time zone
     */
    synchronized int allowance(long nowNanos, long backlog, long queuedToday) {
        double elapsed = (nowNanos - lastNanos) / 1e9;
        if (elapsed > 0) {
            credit = Math.min(perSecond, credit + elapsed * perSecond);
            // what was waiting, plus what notices added since, less what is waiting now, went out meanwhile
            double drained = Math.max(0, lastBacklog + queuedSince - backlog) / elapsed;
            drainPerSecond = drainPerSecond == 0 ? drained : 0.7 * drainPerSecond + 0.3 * drained;
        }
        lastNanos = nowNanos;
        lastBacklog = backlog;
        queuedSince = 0;
        long ahead = Math.min(perSecond, Math.max(FIRST_BACKLOG, (long) Math.floor(drainPerSecond * AHEAD)));
        long room = Math.min(ahead - backlog, perDay - queuedToday);
        return (int) Math.max(0, Math.min((long) Math.floor(credit), room));
    }

    synchronized void used(int queued) {
        credit -= queued;
        queuedSince += queued;
    }
}
