package org.minhu.mockcarrier.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/** Counters a test or benchmark reads to see what the chatbot did to the platform. */
@ApplicationScoped
public class Stats {

    private final LongAdder tokenCalls = new LongAdder();
    private final LongAdder sendsAccepted = new LongAdder();
    private final Map<Integer, AtomicLong> sendsRejected = new ConcurrentHashMap<>();
    private final LongAdder duplicateSends = new LongAdder();
    private final LongAdder faultsInjected = new LongAdder();
    private final LongAdder pushesSent = new LongAdder();
    private final LongAdder pushesFailed = new LongAdder();
    private final LongAdder pushRetries = new LongAdder();
    private final LongAdder revokes = new LongAdder();
    private final LongAdder menuUpdates = new LongAdder();

    public void tokenCall() {
        tokenCalls.increment();
    }

    public void sendAccepted() {
        sendsAccepted.increment();
    }

    public void sendRejected(int errorCode) {
        sendsRejected.computeIfAbsent(errorCode, code -> new AtomicLong()).incrementAndGet();
    }

    public void duplicateSend() {
        duplicateSends.increment();
    }

    public void faultInjected() {
        faultsInjected.increment();
    }

    public void pushSent() {
        pushesSent.increment();
    }

    public void pushFailed() {
        pushesFailed.increment();
    }

    public void pushRetried() {
        pushRetries.increment();
    }

    public void revoke() {
        revokes.increment();
    }

    public void menuUpdate() {
        menuUpdates.increment();
    }

    public Snapshot snapshot() {
        Map<String, Long> rejected = new TreeMap<>();
        sendsRejected.forEach((code, count) -> rejected.put(String.valueOf(code), count.get()));
        long rejectedTotal = rejected.values().stream().mapToLong(Long::longValue).sum();
        return new Snapshot(tokenCalls.sum(), sendsAccepted.sum(), rejected, rejectedTotal, duplicateSends.sum(),
                faultsInjected.sum(), pushesSent.sum(), pushesFailed.sum(), pushRetries.sum(), revokes.sum(),
                menuUpdates.sum());
    }

    public void reset() {
        tokenCalls.reset();
        sendsAccepted.reset();
        sendsRejected.clear();
        duplicateSends.reset();
        faultsInjected.reset();
        pushesSent.reset();
        pushesFailed.reset();
        pushRetries.reset();
        revokes.reset();
        menuUpdates.reset();
    }

    /**
     * @param sendsRejected refused sends by platform errorCode (as a string key)
     * @param pushesSent pushes the chatbot answered with 2xx, after any re-deliveries
     * @param pushesFailed pushes still not answered with 2xx after the last re-delivery
     */
    public record Snapshot(long tokenCalls, long sendsAccepted, Map<String, Long> sendsRejected,
            long sendsRejectedTotal, long duplicateSends, long faultsInjected, long pushesSent, long pushesFailed,
            long pushRetries, long revokes, long menuUpdates) {
    }
}
