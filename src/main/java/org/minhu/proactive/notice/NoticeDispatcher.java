package org.minhu.proactive.notice;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.carrier.CarrierConfig;
import org.minhu.cases.CasesConfig;
import org.minhu.proactive.ProactiveConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Trickles the recipients of notices being sent into the outbox, in small batches at the pace
 * {@link NoticePace} allows: within the notices' share of the carrier's quotas, and never more than
 * half a second of sending ahead, so residents' own replies and case updates go out ahead of a
 * running campaign. The outbox sender is not changed: it sends whatever is queued, oldest first,
 * within the carrier's quota.
 */
@ApplicationScoped
public class NoticeDispatcher {

    /** The scheduler's name for the dispatcher, to pause and resume it. */
    public static final String JOB = "notice-dispatcher";
    private static final Duration TICK = Duration.ofMillis(950);

    private final NoticeQueue queue;
    private final NoticePace pace;
    private final int batchSize;
    private final Duration every;
    private final ZoneId zone;
    private final Duration maxBackoff;
    private final Clock clock;

    public NoticeDispatcher(NoticeQueue queue, CarrierConfig carrier, ProactiveConfig config,
                            CasesConfig cases, Clock clock) {
        this.queue = queue;
        this.pace = new NoticePace(carrier.send().quotaPerSecond(), config.notices().dailyQuota(),
                config.notices().quotaShare(), System.nanoTime());
        this.batchSize = Math.max(1, config.notices().batchSize());
        this.every = config.notices().every();
        this.zone = cases.zone();
        this.maxBackoff = carrier.send().maxBackoff();
        this.clock = clock;
    }

    /** Notice messages per second at most, and per day (Long.MAX_VALUE for no limit). */
    public int perSecond() {
        return pace.perSecond();
    }

    public long perDay() {
        return pace.perDay();
    }

    /** How fast the outbox was last seen to send, in messages a second. */
    public double drainPerSecond() {
        return pace.drainPerSecond();
    }

    /**
     * Once a second, and while a notice is being sent, again every {@code minhu.proactive.notices.every}
     * until the second is up: the outbox is topped up in small amounts rather than filled once a second.
     */
    @Scheduled(identity = JOB, every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        long until = System.nanoTime() + TICK.toNanos();
        try {
            while (queue.sending()) {
                topUp();
                if (System.nanoTime() + every.toNanos() > until) {
                    return;
                }
                Thread.sleep(every.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // a batch that failed rolled back whole: its recipients are still PENDING for the next run
            Log.warn("notice dispatch stopped; the next run takes it up again", e);
        }
    }

    private void topUp() {
        Instant now = clock.instant();
        NoticeQueue.Load load = queue.load(now.plus(maxBackoff), pace.perDay() == Long.MAX_VALUE ? null
                : LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant());
        int allowance = pace.allowance(System.nanoTime(), load.backlog(), load.queuedToday());
        while (allowance > 0) {
            NoticeQueue.Batch batch = queue.next(Math.min(allowance, batchSize), clock.instant());
            pace.used(batch.queued());
            allowance -= batch.queued();
            if (batch.examined() == 0) {
                break;
            }
        }
        queue.finish(clock.instant());
    }
}
