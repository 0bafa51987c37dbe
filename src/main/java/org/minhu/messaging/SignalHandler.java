package org.minhu.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a signal makes this instance do: run the resident's turns, or drain the outbox. Correctness
 * stays with the database (the resident's row lock, the outbox lease), so doing this for a signal
 * that another instance already served is a no-op.
 */
@ApplicationScoped
public class SignalHandler {

    private final SignalReceivers.Residents queues;
    private final SignalReceivers.Outbox sender;
    private final MessagingConfig config;
    private final MeterRegistry metrics;
    private final java.util.concurrent.atomic.AtomicBoolean takeoverDue = new java.util.concurrent.atomic.AtomicBoolean();
    private final ScheduledExecutorService takeovers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "signal-takeover");
        t.setDaemon(true);
        return t;
    });

    public SignalHandler(SignalReceivers.Residents queues, SignalReceivers.Outbox sender,
                         MessagingConfig config, MeterRegistry metrics) {
        this.queues = queues;
        this.sender = sender;
        this.config = config;
        this.metrics = metrics;
    }

    /** A signal raised on this instance: act on it now. */
    public void handleLocal(WorkSignal signal) {
        switch (signal.kind()) {
            case RESIDENT -> queues.submit(signal.phone());
            case OUTBOX -> sender.wake();
        }
    }

    /**
     * A signal from another instance. The outbox is drained at once (claims never wait). Residents
     * are left to the instance that stored their messages, which is already running their turns;
     * only messages still waiting after {@link MessagingConfig#takeoverAfter()} (that instance died
     * or is swamped) are taken here, with one look for all of them however many signals came.
     */
    public void handleRemote(WorkSignal signal) {
        metrics.counter("minhu.messaging.signals", "direction", "received",
                "kind", signal.kind().name().toLowerCase(Locale.ROOT)).increment();
        switch (signal.kind()) {
            case OUTBOX -> sender.wake();
            case RESIDENT -> {
                if (takeoverDue.compareAndSet(false, true)) {
                    takeovers.schedule(this::takeOverWaiting, config.takeoverAfter().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    private void takeOverWaiting() {
        takeoverDue.set(false);
        try {
            int taken = queues.submitWaiting(java.time.Instant.now().minus(config.takeoverAfter()));
            if (taken > 0) {
                metrics.counter("minhu.messaging.takeovers").increment(taken);
            }
        } catch (RuntimeException e) {
            Log.debugf(e, "takeover look failed; the sweep covers it");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        takeovers.shutdownNow();
    }
}
