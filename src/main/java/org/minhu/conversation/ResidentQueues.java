package org.minhu.conversation;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.minhu.carrier.inbound.InboundMessageRepository;
import org.minhu.messaging.SignalReceivers;
import org.minhu.messaging.WorkSignals;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs conversation turns: one resident's messages one after another, in the order they were
 * stored; different residents in parallel. A sweep picks up whatever a crash or restart left
 * unhandled.
 */
@ApplicationScoped
public class ResidentQueues implements SignalReceivers.Residents {

    /** A file that stays unfetched (it cannot happen: a fetch stores the file or the reason) cannot spin a worker. */
    private static final int MAX_FETCHES_PER_DRAIN = 8;

    private final TurnService turns;
    private final InboundMessageRepository inbound;
    private final WorkSignals signals;
    private final Clock clock;
    private final ExecutorService workers;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    public ResidentQueues(TurnService turns, InboundMessageRepository inbound, WorkSignals signals, Clock clock,
                          ConversationConfig config) {
        int workers = config.conversation().workers();
        this.turns = turns;
        this.inbound = inbound;
        this.signals = signals;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "turn-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A message of this resident was stored: handle it after whatever of theirs is already running. */
    @Override
    public void submit(String phone) {
        tails.compute(phone, (key, tail) -> {
            CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            CompletableFuture<Void> next = previous.thenRunAsync(() -> drain(phone), workers);
            next.whenComplete((ok, error) -> tails.remove(key, next));
            return next;
        });
    }

    private void drain(String phone) {
        try {
            boolean handled = false;
            int fetches = 0;
            loop:
            while (true) {
                switch (turns.handleNext(phone)) {
                    case NONE -> {
                        break loop;
                    }
                    case NEEDS_MEDIA -> {
                        if (++fetches > MAX_FETCHES_PER_DRAIN) {
                            break loop;
                        }
                        turns.fetchMedia(phone);
                    }
                    case HANDLED_MORE -> handled = true;
                    case HANDLED_LAST -> {
                        handled = true;
                        break loop;
                    }
                }
            }
            if (handled) {
                signals.outboxHasWork();
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "turn for %s failed; the sweep will try again", phone);
        }
    }

    @Scheduled(every = "${minhu.conversation.sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        submitWaiting(clock.instant().minusSeconds(2));
    }

    /** Runs the turns of residents whose messages stored before {@code receivedBefore} still wait; returns how many. */
    @Override
    public int submitWaiting(java.time.Instant receivedBefore) {
        var phones = QuarkusTransaction.requiringNew().call(() -> inbound.phonesWithPending(receivedBefore, 500));
        var waiting = phones.stream().filter(phone -> !tails.containsKey(phone)).toList();
        waiting.forEach(this::submit);
        return waiting.size();
    }

    void onStop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
    }
}
