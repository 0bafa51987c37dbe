package org.minhu.carrier.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.minhu.carrier.CarrierConfig;
import org.minhu.carrier.client.CarrierUnavailableException;
import org.minhu.carrier.client.PlatformAnswer;
import org.minhu.carrier.client.PlatformClient;
import org.minhu.carrier.outbound.PlatformRenderer;
import org.minhu.messaging.SignalReceivers;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends the outbox. One dispatcher thread claims due messages in batches, sends them without
 * waiting (up to {@code minhu.carrier.send.max-in-flight} at once, paced by the quota), and records
 * the platform's answers in batches as they come back. Each resident's oldest unsent message goes
 * first; their next one becomes due only once the platform accepted it, so a resident's messages
 * arrive in order. Among residents, messages that are not bulk (replies, case updates) go before a
 * notice's. A send is claimed with a lease, so after a crash another instance (or this one,
 * restarted) sends it again with the same messageId and the platform keeps one copy. Busy,
 * internal, quota and network errors are retried with backoff; parameter errors are not.
 *
 * <p>Plain JDBC on the transaction's connection: a claim is two statements ({@link OutboxClaims}),
 * recording a batch of answers one batch of updates, whatever the number of messages.
 */
@ApplicationScoped
public class OutboxSender implements SignalReceivers.Outbox {

    private static final String WAITING = OutboxClaims.WAITING;

    private final DataSource db;
    private final OutboxClaims claims;
    private final PlatformClient platform;
    private final CarrierConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final QuotaLimiter limiter;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean wake;
    private volatile boolean running = true;
    private final Queue<Answered> answered = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger bulkInFlight = new AtomicInteger();
    private Thread dispatcher;
    /** From handing a message to the platform to its answer, by lane: how long sends wait at the platform. */
    private final Timer directAnswered;
    private final Timer bulkAnswered;

    public OutboxSender(DataSource db, OutboxClaims claims, PlatformClient platform, CarrierConfig config,
                        ObjectMapper json, Clock clock, MeterRegistry metrics) {
        this.db = db;
        this.claims = claims;
        this.platform = platform;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
        if (config.send().maxBulkInFlight() < 1) {
            // none would mean a notice is never sent
            throw new IllegalArgumentException("minhu.carrier.send.max-bulk-in-flight must be at least 1, was "
                    + config.send().maxBulkInFlight());
        }
        this.limiter = new QuotaLimiter(config.send().quotaPerSecond());
        this.directAnswered = metrics.timer("minhu.carrier.send.answered", "lane", "direct");
        this.bulkAnswered = metrics.timer("minhu.carrier.send.answered", "lane", "bulk");
    }

    void onStart(@Observes StartupEvent event) {
        dispatcher = new Thread(this::run, "outbox-dispatch");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        wake();
    }

    /** Something was queued or answered: look now rather than at the next sweep. */
    @Override
    public void wake() {
        lock.lock();
        try {
            wake = true;
            woken.signal();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        long sweep = config.send().sweep().toNanos();
        while (running) {
            try {
                lock.lock();
                try {
                    long left = sweep;
                    while (!wake && running && left > 0) {
                        left = woken.awaitNanos(left);
                    }
                    wake = false;
                } finally {
                    lock.unlock();
                }
                if (!running) {
                    return;
                }
                recordAnswers();
                claimAndSend();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.warn("outbox dispatch failed; trying again at the next sweep", e);
            }
        }
    }

    private record Answered(long id, String messageId, PlatformAnswer answer, String failure) {
    }

    private void claimAndSend() throws InterruptedException {
        int room = config.send().maxInFlight() - inFlight.get();
        while (room > 0 && running) {
            int bulkRoom = Math.min(room, config.send().maxBulkInFlight() - bulkInFlight.get());
            int limit = room;
            List<OutboxClaims.Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> claims.claim(limit, bulkRoom, clock.instant()));
            for (OutboxClaims.Claimed message : claimed) {
                limiter.acquire();
                send(message);
            }
            if (claimed.isEmpty()) {
                return;
            }
            // answers that came back while sending are recorded before more is claimed: an accepted
            // message makes its resident's next one due
            recordAnswers();
            room = inFlightRoom();
        }
    }

    private int inFlightRoom() {
        return config.send().maxInFlight() - inFlight.get();
    }

    private void send(OutboxClaims.Claimed message) {
        inFlight.incrementAndGet();
        AtomicInteger lane = message.bulk() ? bulkInFlight : null;
        if (lane != null) {
            lane.incrementAndGet();
        }
        long started = System.nanoTime();
        try {
            platform.sendAsync(body(message)).whenComplete((answer, error) -> {
                (message.bulk() ? bulkAnswered : directAnswered).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                String failure = null;
                if (error != null) {
                    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    failure = cause instanceof CarrierUnavailableException ? cause.getMessage() : "send failed: " + cause;
                }
                answered.add(new Answered(message.id(), message.messageId(), error == null ? answer : null, failure));
                released(lane);
            });
        } catch (RuntimeException e) {
            // no token could be had (the platform is away): the message waits for its retry
            answered.add(new Answered(message.id(), message.messageId(), null, e.getMessage()));
            released(lane);
        }
    }

    private void released(AtomicInteger lane) {
        if (lane != null) {
            lane.decrementAndGet();
        }
        inFlight.decrementAndGet();
        wake();
    }

    /** The platform's send body; optional fields are left out rather than sent empty. */
    private ObjectNode body(OutboxClaims.Claimed message) {
        OutboundMessage.SentAs sentAs = message.sentAs();
        ObjectNode body = json.createObjectNode();
        body.put("messageId", message.messageId());
        body.putArray("destinationAddress").add(message.phone());
        body.put("senderAddress", config.chatbotUri());
        body.put("conversationId", message.conversationId());
        body.put("contributionId", message.contributionId());
        if (message.inReplyTo() != null) {
            body.put("inReplyTo", message.inReplyTo());
        }
        body.putArray("serviceCapability").addObject()
                .put("capabilityId", "ChatbotSA").put("version", "+g.gsma.rcs.botversion=\"#=1\"");
        body.putArray("reportRequest").add("sent").add("failed").add("delivered").add("displayed").add("deliveredToNetwork");
        boolean sms = sentAs != OutboundMessage.SentAs.RICH_ONLY;
        body.put("smsSupported", sms);
        if (sms) {
            body.put("smsContent", message.smsContent());
        }
        body.put("storeSupported", true);
        try {
            JsonNode list = sentAs == OutboundMessage.SentAs.SMS_TEXT
                    ? PlatformRenderer.plainText(message.smsContent())
                    : json.readTree(message.messageList());
            body.set("messageList", list);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the outbox holds JSON it wrote itself", e);
        }
        return body;
    }

    private void recordAnswers() {
        List<Answered> batch = new ArrayList<>();
        for (Answered a; (a = answered.poll()) != null; ) {
            batch.add(a);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> record(batch));
        } catch (RuntimeException e) {
            // the leases run out and the messages are sent again, under the same messageIds
            Log.warn("recording " + batch.size() + " platform answers failed; their leases will expire", e);
        }
    }

    private void record(List<Answered> batch) {
        Timestamp now = Timestamp.from(clock.instant());
        // rows in id order, as delivery reports lock them (DeliveryReports.read): a report can arrive
        // before the platform's answer to the send it reports on is recorded, and two batches taking the
        // same rows in different orders deadlocked (found by bench/run; the answers were lost and the
        // messages waited for their leases to run out)
        batch.sort(java.util.Comparator.comparingLong(Answered::id));
        List<Answered> accepted = new ArrayList<>();
        List<Answered> retried = new ArrayList<>();
        List<Answered> rejected = new ArrayList<>();
        for (Answered a : batch) {
            if (a.answer() != null && a.answer().ok()) {
                accepted.add(a);
            } else if (a.answer() != null && !a.answer().retryable()) {
                rejected.add(a);
                Log.errorf("platform refused message %s for good: %s", a.messageId(), a.answer());
            } else {
                if (a.answer() != null && a.answer().quotaExceeded()) {
                    limiter.backOff();
                }
                retried.add(a);
            }
        }
        try (Connection c = db.getConnection()) {
            accept(c, accepted, now);
            if (!rejected.isEmpty()) {
                try (PreparedStatement update = c.prepareStatement("""
                        update outbound_message set status = 'REJECTED', lease_until = null, last_error = ?, status_at = ?
                        where id = ?""")) {
                    for (Answered a : rejected) {
                        update.setString(1, truncate(a.answer().toString()));
                        update.setTimestamp(2, now);
                        update.setLong(3, a.id());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            }
            if (!retried.isEmpty()) {
                List<Answered> overtaken = new ArrayList<>();
                try (PreparedStatement update = c.prepareStatement("""
                        update outbound_message set status = 'PENDING', lease_until = null, last_error = ?, next_attempt_at = ?
                        where id = ? and status in %s""".formatted(WAITING))) {
                    for (Answered a : retried) {
                        update.setString(1, truncate(a.answer() != null ? a.answer().toString() : a.failure()));
                        // a refused token was dropped: the next send fetches a fresh one, at once
                        Duration delay = a.answer() != null && a.answer().tokenProblem() ? Duration.ZERO
                                : backoff(attemptsOf(c, a));
                        update.setTimestamp(2, Timestamp.from(now.toInstant().plus(delay)));
                        update.setLong(3, a.id());
                        update.addBatch();
                    }
                    int[] counts = update.executeBatch();
                    for (int i = 0; i < counts.length; i++) {
                        if (counts[i] == 0) {
                            overtaken.add(retried.get(i));
                        }
                    }
                }
                // a delivery report overtook a timed-out answer: the platform has the message
                accept(c, overtaken, now);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("recording platform answers failed", e);
        }
        count("accepted", accepted.size());
        count("rejected", rejected.size());
        count("retry", retried.size());
    }

    private static void accept(Connection c, List<Answered> accepted, Timestamp now) throws SQLException {
        if (accepted.isEmpty()) {
            return;
        }
        // status_at is set before status, so it reads the status the row had whichever way SET is evaluated
        try (PreparedStatement update = c.prepareStatement("""
                update outbound_message set accepted_at = ?, lease_until = null, last_error = null,
                    status_at = case when status in %1$s then ? else status_at end,
                    status = case when status in %1$s then 'ACCEPTED' else status end
                where id = ?""".formatted(WAITING))) {
            for (Answered a : accepted) {
                update.setTimestamp(1, now);
                update.setTimestamp(2, now);
                update.setLong(3, a.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Attempts so far, read only for a retry (rare): a claim counts each attempt in the row. */
    private static int attemptsOf(Connection c, Answered a) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select attempts from outbound_message where id = ?")) {
            select.setLong(1, a.id());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 1;
            }
        }
    }

    private void count(String result, int n) {
        if (n > 0) {
            metrics.counter("minhu.outbox.send", "result", result).increment(n);
        }
    }

    private Duration backoff(int attempts) {
        long base = config.send().backoff().toMillis();
        long cap = config.send().maxBackoff().toMillis();
        long exp = base << Math.min(Math.max(attempts - 1, 0), 16);
        long delay = Math.min(cap, exp);
        return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }

    /** For tests: sends in flight now. */
    int inFlight() {
        return inFlight.get();
    }
}
