package org.minhu.mockcarrier.phone;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.minhu.mockcarrier.wire.WireTime;

/** A resident's phone: its transcript, whether it can show 5G messages, and who waits for news. */
public final class Phone {

    /** A long benchmark must not fill the heap; a phone shows its latest messages only. */
    static final int MAX_ENTRIES = 1000;

    private final String tel;
    private final String conversationId = "c-" + UUID.randomUUID();
    private volatile boolean smsOnly;
    private final List<TranscriptEntry> entries = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private long lastSeq;

    Phone(String tel, boolean smsOnly) {
        this.tel = tel;
        this.smsOnly = smsOnly;
    }

    public String tel() {
        return tel;
    }

    /** The platform's conversation with this phone, carried on every push from it. */
    public String conversationId() {
        return conversationId;
    }

    public boolean smsOnly() {
        return smsOnly;
    }

    public void smsOnly(boolean value) {
        smsOnly = value;
    }

    public TranscriptEntry append(TranscriptEntry entry) {
        List<Waiter> woken = new ArrayList<>();
        synchronized (this) {
            entry.place(++lastSeq, WireTime.now());
            entries.add(entry);
            if (entries.size() > MAX_ENTRIES) {
                entries.remove(0);
            }
            Iterator<Waiter> it = waiters.iterator();
            while (it.hasNext()) {
                Waiter waiter = it.next();
                if (entry.fromBot() && entry.getSeq() > waiter.after()) {
                    it.remove();
                    woken.add(waiter);
                }
            }
        }
        woken.forEach(waiter -> waiter.future().complete(entry));
        return entry;
    }

    public synchronized List<TranscriptEntry> transcript() {
        return List.copyOf(entries);
    }

    public synchronized void clear() {
        entries.clear();
        lastSeq = 0;
    }

    /** The first chatbot message after {@code after}, now or as soon as it arrives. */
    public synchronized CompletableFuture<TranscriptEntry> nextFromBot(long after) {
        for (TranscriptEntry entry : entries) {
            if (entry.fromBot() && entry.getSeq() > after) {
                return CompletableFuture.completedFuture(entry);
            }
        }
        Waiter waiter = new Waiter(after, new CompletableFuture<>());
        waiters.add(waiter);
        waiter.future().whenComplete((entry, failure) -> forget(waiter));
        return waiter.future();
    }

    /**
     * The chip to tap: the newest chatbot message that has it, or the given message only when
     * {@code seq} is set.
     */
    public synchronized Optional<Tappable> findChip(String text, String postback, Long seq) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            TranscriptEntry entry = entries.get(i);
            if (!entry.fromBot() || "revoked".equals(entry.getStatus())
                    || (seq != null && entry.getSeq() != seq)) {
                continue;
            }
            for (Chip chip : entry.getChips()) {
                if (chip.matches(text, postback)) {
                    return Optional.of(new Tappable(chip, entry));
                }
            }
        }
        return Optional.empty();
    }

    public synchronized Stats stats() {
        long fromResident = entries.stream().filter(entry -> !entry.fromBot()).count();
        String lastAt = entries.isEmpty() ? null : entries.get(entries.size() - 1).getAt();
        return new Stats(tel, smsOnly, entries.size(), fromResident, entries.size() - fromResident, lastAt);
    }

    private synchronized void forget(Waiter waiter) {
        waiters.remove(waiter);
    }

    private record Waiter(long after, CompletableFuture<TranscriptEntry> future) {
    }

    /** A chip and the chatbot message it belongs to. */
    public record Tappable(Chip chip, TranscriptEntry entry) {
    }

    public record Stats(String phone, boolean smsOnly, long messages, long fromResident, long fromBot, String lastAt) {
    }
}
