package org.minhu.proactive.notice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pace is plain arithmetic over a clock it is given, so it is tested without starting the
 * service: a simulated outbox drains at a chosen rate while the pace tops it up every 100 ms.
 */
class NoticePaceTest {

    private static final long TICK = 100_000_000L;

    /** What a simulated run did: notices queued, and the most that ever waited in the outbox. */
    private record Run(long queued, long mostWaiting) {
    }

    /** Tops up every 100 ms for {@code seconds}; the outbox sends {@code sendsPerSecond} meanwhile. */
    private static Run simulate(NoticePace pace, int sendsPerSecond, int seconds) {
        return simulate(pace, sendsPerSecond, seconds, 0);
    }

    /** The same, going on from second {@code from} of an earlier simulation with an empty outbox. */
    private static Run simulate(NoticePace pace, int sendsPerSecond, int seconds, int from) {
        long backlog = 0;
        long queued = 0;
        long most = 0;
        for (int tick = from * 10 + 1; tick <= (from + seconds) * 10; tick++) {
            int allowed = pace.allowance(tick * TICK, backlog, queued);
            pace.used(allowed);
            queued += allowed;
            backlog += allowed;
            most = Math.max(most, backlog);
            backlog = Math.max(0, backlog - sendsPerSecond / 10);
        }
        return new Run(queued, most);
    }

    @Test
    void noticesGetTheirShareOfTheCarriersQuotaAndNoMore() {
        NoticePace pace = new NoticePace(50, 0, 0.5, 0);
        assertThat(pace.perSecond()).isEqualTo(25);

        Run run = simulate(pace, 1_000, 20);

        assertThat(run.queued()).as("a fast outbox still gets only 25 a second").isBetween(20L * 20, 25L * 20 + 25);
    }

    @Test
    void aCarrierThatKeepsUpGetsTheWholeShareWithinTwoSeconds() {
        NoticePace pace = new NoticePace(2_000, 0, 0.5, 0);

        Run first = simulate(pace, 5_000, 2);
        Run next = simulate(pace, 5_000, 10, 20);

        assertThat(first.queued()).as("the first two seconds, learning the outbox's pace").isGreaterThan(1_000);
        assertThat(next.queued()).as("then the 1,000 a second notices may use").isGreaterThan(9_500);
    }

    @Test
    void theOutboxNeverHoldsMoreThanHalfASecondOfWhatItActuallySends() {
        NoticePace pace = new NoticePace(2_000, 0, 0.5, 0);

        Run run = simulate(pace, 80, 30);

        assertThat(run.mostWaiting()).as("a carrier taking 80 a second, though 2,000 are allowed")
                .isLessThanOrEqualTo(Math.max(NoticePace.FIRST_BACKLOG, (long) (80 * NoticePace.AHEAD)) + 8);
        assertThat(run.queued()).as("yet the campaign keeps it busy").isGreaterThan(80L * 30 * 8 / 10);
        assertThat(pace.drainPerSecond()).isBetween(60.0, 100.0);
    }

    @Test
    void aStuckCarrierNeverPilesNoticesUp() {
        NoticePace pace = new NoticePace(2_000, 0, 0.5, 0);

        assertThat(pace.allowance(TICK, 0, 0)).as("enough to learn the outbox's pace").isEqualTo(NoticePace.FIRST_BACKLOG);
        pace.used(NoticePace.FIRST_BACKLOG);
        for (int tick = 2; tick < 50; tick++) {
            assertThat(pace.allowance(tick * TICK, NoticePace.FIRST_BACKLOG, 0)).isZero();
        }
    }

    @Test
    void theDailyQuotaIsSharedTheSameWay() {
        NoticePace pace = new NoticePace(100, 1_000, 0.5, 0);

        assertThat(pace.perDay()).isEqualTo(500);
        assertThat(pace.allowance(1_000_000_000L, 0, 495)).as("only what is left of today's 500").isEqualTo(5);
        assertThat(pace.allowance(2_000_000_000L, 0, 500)).isZero();
        assertThat(new NoticePace(100, 0, 0.5, 0).perDay()).as("no daily limit").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aShareOutsideZeroToOneIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new NoticePace(50, 0, 0, 0)).hasMessageContaining("quota-share");
        assertThatThrownBy(() -> new NoticePace(50, 0, 1.5, 0)).hasMessageContaining("quota-share");
        assertThat(new NoticePace(1, 0, 0.5, 0).perSecond()).as("at least one a second").isEqualTo(1);
    }
}
