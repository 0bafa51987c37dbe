package org.minhu.proactive.notice;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Figures that are reused while they are young compared with what computing them cost, and only when
 * that cost was above a threshold. A notice's progress at 100,000 recipients costs the database over a
 * second, and it is asked for every 2 s by each console page and API client watching the notice (and
 * once per notice by the lists): computed afresh each time, that is most of a core while the notice is
 * going out, which slows the notice itself. Reused for {@code times} what they cost, they cost at most
 * about 1/(times + 1) of a core per notice however many watch it. Figures that were cheap to compute
 * (small notices, every notice in the tests) are never kept, so they are always fresh.
 */
final class CostlyFigures<K, V> {

    private record Computed<V>(V value, long readAt, long doneAt, long took) {
    }

    private final Map<K, Computed<V>> last = new ConcurrentHashMap<>();
    private final long aboveNanos;
    private final int times;
    private final LongSupplier nanoTime;

    /**
     * @param aboveNanos figures that took longer than this to compute are reused...
     * @param times      ...until they are this many times as old as they took
     * @param nanoTime   the clock, {@link System#nanoTime()} but in tests
     */
    CostlyFigures(long aboveNanos, int times, LongSupplier nanoTime) {
        this.aboveNanos = aboveNanos;
        this.times = times;
        this.nanoTime = nanoTime;
    }

    V get(K key, Supplier<V> compute) {
        long start = nanoTime.getAsLong();
        Computed<V> kept = last.get(key);
        if (kept != null && start - kept.doneAt() < times * kept.took()) {
            return kept.value();
        }
        V value = compute.get();
        long done = nanoTime.getAsLong();
        if (done - start > aboveNanos) {
            // two callers may compute at once; the figures read later win
            last.merge(key, new Computed<>(value, start, done, done - start),
                    (old, fresh) -> fresh.readAt() >= old.readAt() ? fresh : old);
        } else {
            last.remove(key);
        }
        return value;
    }

    /** The next figures for this key are computed afresh (something changed them at a stroke). */
    void forget(K key) {
        last.remove(key);
    }
}
