package org.minhu.proactive.notice;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain JUnit, on a clock of its own: each computation below takes as long as it says. */
class CostlyFiguresTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger computed = new AtomicInteger();
    private final CostlyFigures<Long, Integer> figures =
            new CostlyFigures<>(Duration.ofMillis(200).toNanos(), 10, now::get);

    /** Figures that take this long to compute: each call gives the next number. */
    private Supplier<Integer> taking(Duration took) {
        return () -> {
            now.addAndGet(took.toNanos());
            return computed.incrementAndGet();
        };
    }

    private void pass(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void figuresThatCostASecondAreReusedForTenSecondsThenComputedAfresh() {
        assertThat(figures.get(1L, taking(Duration.ofSeconds(1)))).isEqualTo(1);
        pass(Duration.ofSeconds(2));
        assertThat(figures.get(1L, taking(Duration.ofSeconds(1)))).as("2 s old: the same figures").isEqualTo(1);
        pass(Duration.ofMillis(7_900));
        assertThat(figures.get(1L, taking(Duration.ofSeconds(1)))).as("9.9 s old").isEqualTo(1);
        pass(Duration.ofMillis(100));
        assertThat(figures.get(1L, taking(Duration.ofSeconds(1)))).as("10 s old: computed again").isEqualTo(2);
        assertThat(computed).hasValue(2);
    }

    @Test
    void quickFiguresAreAlwaysFresh() {
        assertThat(figures.get(1L, taking(Duration.ofMillis(150)))).isEqualTo(1);
        assertThat(figures.get(1L, taking(Duration.ofMillis(150)))).isEqualTo(2);
        assertThat(figures.get(1L, taking(Duration.ofMillis(1)))).isEqualTo(3);
    }

    @Test
    void eachKeyIsKeptApartAndOnceQuickIsFreshAgain() {
        assertThat(figures.get(1L, taking(Duration.ofMillis(500)))).isEqualTo(1);
        assertThat(figures.get(2L, taking(Duration.ofMillis(500)))).as("another notice").isEqualTo(2);
        assertThat(figures.get(1L, taking(Duration.ofMillis(500)))).isEqualTo(1);
        pass(Duration.ofSeconds(5));
        // the notice's figures became cheap (say its messages were cleared): from then on, fresh
        assertThat(figures.get(1L, taking(Duration.ofMillis(10)))).isEqualTo(3);
        assertThat(figures.get(1L, taking(Duration.ofMillis(10)))).isEqualTo(4);
    }

    @Test
    void forgottenFiguresAreComputedAfresh() {
        assertThat(figures.get(1L, taking(Duration.ofSeconds(1)))).isEqualTo(1);
        figures.forget(1L);
        assertThat(figures.get(1L, taking(Duration.ofSeconds(1)))).isEqualTo(2);
    }
}
