package org.minhu.reliability;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Residents texting at once, each one message after another (as a person does), through the
 * platform. Every push and its outcome goes into the {@link Ledger}.
 */
final class Load {

    private final ExecutorService residents;
    private final List<Future<?>> running;
    private final AtomicInteger sent = new AtomicInteger();
    private final int total;

    /** Starts the load: each phone sends {@code perPhone} messages through {@code send}. */
    Load(List<String> phones, int perPhone, long pauseMillis, BiConsumer<String, Integer> send) {
        this.total = phones.size() * perPhone;
        this.residents = Executors.newFixedThreadPool(phones.size());
        this.running = phones.stream().<Future<?>>map(phone -> residents.submit(() -> {
            for (int i = 0; i < perPhone; i++) {
                send.accept(phone, i);
                sent.incrementAndGet();
                Http.sleep(pauseMillis);
            }
        })).toList();
    }

    /** Waits until this share of the messages has been pushed (bounded: at most two minutes). */
    void awaitShare(double share) {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (sent.get() < share * total && System.nanoTime() < until && !done()) {
            Http.sleep(50);
        }
    }

    int sent() {
        return sent.get();
    }

    boolean done() {
        return running.stream().allMatch(Future::isDone);
    }

    void join() {
        residents.shutdown();
        try {
            if (!residents.awaitTermination(4, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the load did not finish in 4 minutes");
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a resident's thread failed", e.getCause());
        }
    }
}
