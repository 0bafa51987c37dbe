package org.minhu.carrier.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.minhu.carrier.CarrierConfig;
import org.minhu.carrier.client.CarrierUnavailableException;
import org.minhu.carrier.client.PlatformAnswer;
import org.minhu.carrier.client.PlatformClient;
import org.minhu.resident.Resident;
import org.minhu.resident.ResidentRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the outbox. Each resident's oldest unsent message goes first; the next one waits until
 * the platform has accepted it. A send is claimed with a lease, so after a crash another worker
 * (or this one, restarted) sends it again with the same messageId and the platform keeps one copy.
 * Busy, internal, quota and network errors are retried with backoff; parameter errors are not.
 */
@ApplicationScoped
public class OutboxSender {

    private static final int BATCH = 200;

    private final OutboxRepository repository;
    private final ResidentRepository residents;
    private final PlatformClient platform;
    private final CarrierConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final QuotaLimiter limiter;
    private final ExecutorService workers;
    private final ExecutorService drainer = Executors.newSingleThreadExecutor(named("outbox-drain"));
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    public OutboxSender(OutboxRepository repository, ResidentRepository residents, PlatformClient platform,
                        CarrierConfig config, ObjectMapper json, Clock clock, MeterRegistry metrics,
                        @ConfigProperty(name = "minhu.carrier.send.workers", defaultValue = "8") int workers) {
        this.repository = repository;
        this.residents = residents;
        this.platform = platform;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
        this.limiter = new QuotaLimiter(config.send().quotaPerSecond());
        this.workers = Executors.newFixedThreadPool(workers, named("outbox-send"));
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Something was queued: send it now rather than at the next sweep. */
    public void wake() {
        if (draining.get()) {
            again.set(true);
            return;
        }
        drainer.execute(this::drain);
    }

    @Scheduled(every = "${minhu.carrier.send.sweep:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wake();
    }

    void onStop(@Observes ShutdownEvent event) {
        drainer.shutdownNow();
        workers.shutdownNow();
    }

    /**
     * Hands every due head to a worker and returns: a slow send (a timeout, say) holds up only its
     * own resident. When a send finishes, the next drain finds that resident's next message.
     */
    private void drain() {
        if (!draining.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                List<Long> heads = QuarkusTransaction.requiringNew().call(() -> repository.dueHeads(clock.instant(), BATCH));
                for (Long id : heads) {
                    if (inFlight.add(id)) {
                        workers.execute(() -> sendFrom(id));
                    }
                }
            } while (again.get());
        } catch (RuntimeException e) {
            Log.warn("outbox drain stopped; the next sweep resumes it", e);
        } finally {
            draining.set(false);
            if (again.getAndSet(false)) {
                drainer.execute(this::drain);
            }
        }
    }

    private record Claimed(ObjectNode body, String messageId) {
    }

    /**
     * Sends a resident's due message and then, as each is accepted, their next one from the same
     * worker: the next message is found where the acceptance is recorded, with no drain in between.
     * A drain after the last one picks up whatever became due meanwhile.
     */
    private void sendFrom(Long first) {
        Long id = first;
        try {
            while (id != null) {
                Long next = sendOne(id);
                inFlight.remove(id);
                id = next != null && inFlight.add(next) ? next : null;
            }
        } finally {
            if (id != null) {
                inFlight.remove(id);
            }
            wake();
        }
    }

    /** Sends one message; returns the resident's next waiting message once this one was accepted, else null. */
    Long sendOne(Long id) {
        Claimed claimed = QuarkusTransaction.requiringNew().call(() -> claim(id));
        if (claimed == null) {
            return null;
        }
        PlatformAnswer answer = null;
        String failure = null;
        try {
            limiter.acquire();
            answer = platform.send(claimed.body());
        } catch (CarrierUnavailableException e) {
            failure = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            failure = "send failed: " + e;
            Log.warn("unexpected failure sending " + claimed.messageId(), e);
        }
        PlatformAnswer outcome = answer;
        String error = failure;
        return QuarkusTransaction.requiringNew().call(() -> record(id, outcome, error));
    }

    private Claimed claim(Long id) {
        Instant now = clock.instant();
        if (!repository.claim(id, now, now.plus(config.send().lease()))) {
            return null;
        }
        OutboundMessage message = repository.findById(id);
        Resident.Capability capability = residents.capabilityOf(message.getPhone());
        OutboundMessage.SentAs sentAs = switch (capability) {
            case SMS_ONLY -> OutboundMessage.SentAs.SMS_TEXT;
            case RICH -> OutboundMessage.SentAs.RICH_ONLY;
            case UNKNOWN -> OutboundMessage.SentAs.RICH_WITH_SMS;
        };
        message.sendingAs(sentAs);
        return new Claimed(body(message, sentAs), message.getMessageId());
    }

    /** The platform's send body; optional fields are left out rather than sent empty. */
    private ObjectNode body(OutboundMessage message, OutboundMessage.SentAs sentAs) {
        ObjectNode body = json.createObjectNode();
        body.put("messageId", message.getMessageId());
        body.putArray("destinationAddress").add(message.getPhone());
        body.put("senderAddress", config.chatbotUri());
        body.put("conversationId", message.getConversationId());
        body.put("contributionId", message.getContributionId());
        if (message.getInReplyTo() != null) {
            body.put("inReplyTo", message.getInReplyTo());
        }
        body.putArray("serviceCapability").addObject()
                .put("capabilityId", "ChatbotSA").put("version", "+g.gsma.rcs.botversion=\"#=1\"");
        body.putArray("reportRequest").add("sent").add("failed").add("delivered").add("displayed").add("deliveredToNetwork");
        boolean sms = sentAs != OutboundMessage.SentAs.RICH_ONLY;
        body.put("smsSupported", sms);
        if (sms) {
            body.put("smsContent", message.getSmsContent());
        }
        body.put("storeSupported", true);
        try {
            JsonNode list = sentAs == OutboundMessage.SentAs.SMS_TEXT
                    ? org.minhu.carrier.outbound.PlatformRenderer.plainText(message.getSmsContent())
                    : json.readTree(message.getMessageList());
            body.set("messageList", list);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the outbox holds JSON it wrote itself", e);
        }
        return body;
    }

    private Long record(Long id, PlatformAnswer answer, String failure) {
        OutboundMessage message = repository.lockById(id);
        Instant now = clock.instant();
        if (answer != null && answer.ok()) {
            message.accepted(now);
            metrics.counter("minhu.outbox.send", "result", "accepted").increment();
            return repository.nextWaiting(message.getPhone(), id);
        } else if (answer != null && !answer.retryable()) {
            message.rejected(answer.toString(), now);
            metrics.counter("minhu.outbox.send", "result", "rejected").increment();
            Log.errorf("platform refused message %s for good: %s", message.getMessageId(), answer);
        } else {
            if (answer != null && answer.quotaExceeded()) {
                limiter.backOff();
            }
            message.retryLater(answer != null ? answer.toString() : failure, backoff(message.getAttempts()), now);
            metrics.counter("minhu.outbox.send", "result", "retry").increment();
        }
        return null;
    }

    private Duration backoff(int attempts) {
        long base = config.send().backoff().toMillis();
        long cap = config.send().maxBackoff().toMillis();
        long exp = base << Math.min(Math.max(attempts - 1, 0), 16);
        long delay = Math.min(cap, exp);
        return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
    }
}
