package org.minhu.mockcarrier.faults;

/**
 * What goes wrong on the platform API, on purpose.
 *
 * @param latencyMs added before every platform API call is handled
 * @param failureRate share of sends refused with 500/-2 or 503/-1 and not delivered
 * @param timeoutRate share of sends delivered but answered only after {@code timeoutMs}
 * @param quotaPerSecond sends allowed per second before 429/30003; 0 is unlimited
 * @param durationMs how long these settings last before the defaults return; 0 is until reset
 */
public record FaultSettings(long latencyMs, double failureRate, double timeoutRate, long timeoutMs,
        int quotaPerSecond, long durationMs) {

    public static final long DEFAULT_TIMEOUT_MS = 15_000;

    public static FaultSettings none(int quotaPerSecond) {
        return new FaultSettings(0, 0.0, 0.0, DEFAULT_TIMEOUT_MS, quotaPerSecond, 0);
    }
}
