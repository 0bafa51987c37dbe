package org.minhu.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code %prod}'s bus: a signal is handled here at once and fanned out over RabbitMQ to every
 * other instance, at most once per {@link MessagingConfig#fanOutEvery()} and kind (exchange {@code minhu.signals}, one auto-deleted queue per instance; see
 * application.properties). A signal that cannot be handled is retried, then rejected into the
 * dead-letter queue ({@link DeadLetters}). While the broker is away at most a few signals wait
 * for it (max-inflight-messages) and the rest are dropped, not queued in memory: the sweeps find
 * the work.
 */
@ApplicationScoped
@IfBuildProfile("prod")
public class RabbitSignalBus implements SignalBus {

    public static final String OUTGOING = "work-signals-out";
    public static final String INCOMING = "work-signals-in";

    private final SignalHandler handler;
    private final MessagingConfig config;
    private final MeterRegistry metrics;
    private final Emitter<String> emitter;
    private final java.util.Map<WorkSignal.Kind, AtomicBoolean> fanOutDue = new java.util.EnumMap<>(java.util.Map.of(
            WorkSignal.Kind.OUTBOX, new AtomicBoolean(), WorkSignal.Kind.RESIDENT, new AtomicBoolean()));
    private final ScheduledExecutorService fanOut = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "signal-fan-out");
        t.setDaemon(true);
        return t;
    });

    public RabbitSignalBus(SignalHandler handler, MessagingConfig config, MeterRegistry metrics,
                           @Channel(OUTGOING) @OnOverflow(OnOverflow.Strategy.DROP) Emitter<String> emitter) {
        this.handler = handler;
        this.config = config;
        this.metrics = metrics;
        this.emitter = emitter;
    }

    @Override
    public void publish(WorkSignal signal) {
        handler.handleLocal(signal);
        AtomicBoolean due = fanOutDue.get(signal.kind());
        if (due.compareAndSet(false, true)) {
            // one fan-out for all the signals of this kind raised in the period, sent at its end: a
            // resident signal tells the others to look for messages left waiting, whoever sent them
            fanOut.schedule(() -> {
                due.set(false);
                fanOut(signal);
            }, config.fanOutEvery().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void fanOut(WorkSignal signal) {
        String kind = signal.kind().name().toLowerCase(Locale.ROOT);
        try {
            emitter.send(signal.toJson()).whenComplete((ok, error) -> count(error == null ? "sent" : "dropped", kind));
        } catch (RuntimeException e) {
            count("dropped", kind);
            Log.debugf("signal %s not fanned out: %s", signal, e.getMessage());
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        fanOut.shutdownNow();
    }

    private void count(String direction, String kind) {
        metrics.counter("minhu.messaging.signals", "direction", direction, "kind", kind).increment();
    }

    /** Our own signals come back through the fan-out too; they were handled when raised. */
    @Incoming(INCOMING)
    @Blocking
    @Retry(maxRetries = 2, delay = 200, abortOn = WorkSignal.MalformedSignalException.class)
    public void receive(String payload) {
        WorkSignal signal = WorkSignal.fromJson(payload);
        if (!config.instanceId().equals(signal.origin())) {
            handler.handleRemote(signal);
        }
    }
}
