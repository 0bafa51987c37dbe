package org.minhu.common;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Group commit: work that arrives together is written in one transaction, and each caller is answered
 * once that transaction has committed, so nothing is acknowledged before it is durable. One writer
 * thread takes whatever is waiting (up to {@code max}) as one group; while it writes, the next group
 * gathers, so groups grow with the load and a lone item waits for nobody.
 *
 * <p>When the group's transaction fails as a whole (a deadlock, a constraint two items of the group
 * broke together, a race with another transaction), each item is written again alone, in a transaction
 * of its own, and answered with its own outcome: one bad item never fails the others, and a lone item
 * that lost a race is tried once more (it then sees what the winner stored).
 *
 * @param <T> what a caller hands in
 * @param <R> what it is answered
 */
public final class GroupCommit<T, R> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    /** One item's outcome in a group: a value, or the error that item alone is answered with. */
    public record Outcome<R>(R value, RuntimeException error) {
        public static <R> Outcome<R> of(R value) {
            return new Outcome<>(value, null);
        }

        public static <R> Outcome<R> failed(RuntimeException error) {
            return new Outcome<>(null, error);
        }
    }

    private record Entry<T, R>(T item, CompletableFuture<R> answer) {
    }

    private final BlockingQueue<Entry<T, R>> waiting = new LinkedBlockingQueue<>();
    private final Function<List<T>, List<Outcome<R>>> writeGroup;
    private final Function<T, R> writeAlone;
    private final int max;
    private final Thread writer;
    private volatile boolean closed;
    private volatile long groups;
    private volatile long items;

    /**
     * @param writeGroup writes a group in one transaction, answering each item in order
     * @param writeAlone writes one item in a transaction of its own: the way back when a group fails
     */
    public GroupCommit(String name, int max, Function<List<T>, List<Outcome<R>>> writeGroup, Function<T, R> writeAlone) {
        this.writeGroup = writeGroup;
        this.writeAlone = writeAlone;
        this.max = Math.max(1, max);
        this.writer = new Thread(this::run, name);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues the item; the answer completes once it is committed (or refused). */
    public CompletionStage<R> submit(T item) {
        CompletableFuture<R> answer = new CompletableFuture<>();
        if (closed) {
            answer.completeExceptionally(new IllegalStateException("shutting down"));
            return answer;
        }
        waiting.add(new Entry<>(item, answer));
        return answer;
    }

    /**
     * Counts the groups written and the items in them as {@code minhu.group.commits} and
     * {@code minhu.group.items} tagged {@code kind}: their ratio is how much grouping the load brought.
     */
    public void countIn(MeterRegistry metrics, String kind) {
        FunctionCounter.builder("minhu.group.commits", this, GroupCommit::groups).tag("kind", kind)
                .description("transactions written by group commit").register(metrics);
        FunctionCounter.builder("minhu.group.items", this, GroupCommit::items).tag("kind", kind)
                .description("items written in those transactions").register(metrics);
    }

    /** Groups written so far, and the items in them: how much grouping the load brought. */
    public long groups() {
        return groups;
    }

    public long items() {
        return items;
    }

    private void run() {
        List<Entry<T, R>> group = new ArrayList<>(max);
        while (!closed || !waiting.isEmpty()) {
            try {
                Entry<T, R> first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                waiting.drainTo(group, max - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable e) {
                // write() answers every entry itself; this only keeps the writer alive
                LOG.errorf(e, "group commit %s: unexpected failure", writer.getName());
                group.forEach(entry -> entry.answer().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
        Entry<T, R> left;
        while ((left = waiting.poll()) != null) {
            left.answer().completeExceptionally(new IllegalStateException("shutting down"));
        }
    }

    private void write(List<Entry<T, R>> group) {
        groups++;
        items += group.size();
        List<Outcome<R>> outcomes;
        try {
            outcomes = writeGroup.apply(group.stream().map(Entry::item).toList());
        } catch (RuntimeException e) {
            LOG.debugf(e, "group of %d failed as a whole; writing each alone", group.size());
            for (Entry<T, R> entry : group) {
                try {
                    entry.answer().complete(writeAlone.apply(entry.item()));
                } catch (RuntimeException alone) {
                    entry.answer().completeExceptionally(alone);
                }
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            Outcome<R> outcome = outcomes.get(i);
            if (outcome.error() != null) {
                group.get(i).answer().completeExceptionally(outcome.error());
            } else {
                group.get(i).answer().complete(outcome.value());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
