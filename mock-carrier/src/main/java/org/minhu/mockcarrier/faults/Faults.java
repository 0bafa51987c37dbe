package org.minhu.mockcarrier.faults;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.minhu.mockcarrier.config.MockConfig;

/** The fault settings in force; timed settings lapse by themselves when read after their end. */
@ApplicationScoped
public class Faults {

    private final MockConfig config;
    private Active active;

    public Faults(MockConfig config) {
        this.config = config;
        this.active = new Active(defaults(), null);
    }

    public synchronized FaultSettings current() {
        return live().settings();
    }

    /** Milliseconds until timed settings lapse; 0 when they do not. */
    public synchronized long remainingMs() {
        Instant until = live().until();
        return until == null ? 0 : Math.max(0, until.toEpochMilli() - System.currentTimeMillis());
    }

    public synchronized void set(FaultSettings settings) {
        Instant until = settings.durationMs() > 0 ? Instant.now().plusMillis(settings.durationMs()) : null;
        active = new Active(settings, until);
    }

    public synchronized void reset() {
        active = new Active(defaults(), null);
    }

    public FaultSettings defaults() {
        return FaultSettings.none(config.quotaPerSecond());
    }

    public boolean rollFailure(FaultSettings settings) {
        return settings.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < settings.failureRate();
    }

    public boolean rollTimeout(FaultSettings settings) {
        return settings.timeoutRate() > 0 && ThreadLocalRandom.current().nextDouble() < settings.timeoutRate();
    }

    private Active live() {
        if (active.until() != null && Instant.now().isAfter(active.until())) {
            active = new Active(defaults(), null);
        }
        return active;
    }

    private record Active(FaultSettings settings, Instant until) {
    }
}
