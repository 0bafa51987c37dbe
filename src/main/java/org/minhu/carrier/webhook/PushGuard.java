package org.minhu.carrier.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.carrier.CarrierConfig;
import org.minhu.carrier.ChatbotId;
import org.minhu.common.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Decides whether a push really comes from our platform: a valid signature, a timestamp inside
 * the window, our chatbotId, and (in the storing transaction) a nonce not seen before.
 * Every refusal is counted by reason in {@code minhu.carrier.push.refused}.
 */
@ApplicationScoped
public class PushGuard {

    private final CarrierConfig config;
    private final NonceRepository nonces;
    private final MeterRegistry metrics;
    private final Clock clock;

    public PushGuard(CarrierConfig config, NonceRepository nonces, MeterRegistry metrics, Clock clock) {
        this.config = config;
        this.nonces = nonces;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void verify(String signature, String timestamp, String nonce) {
        if (signature == null || timestamp == null || nonce == null || nonce.isBlank() || nonce.length() > 128) {
            throw refused("missing-headers", "the signature, timestamp and nonce headers are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw refused("bad-timestamp", "timestamp must be Unix seconds");
        }
        if (!PushSignature.verify(config.token(), timestamp, nonce, signature)) {
            throw refused("bad-signature", "the signature does not match");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > config.push().window().toSeconds()) {
            throw refused("stale", "the timestamp is outside the accepted window");
        }
    }

    public void requireChatbot(String chatbotId) {
        if (!ChatbotId.matches(chatbotId, config.chatbotUri())) {
            count("unknown-chatbot");
            throw ProblemException.notFound("no chatbot is served at this address");
        }
    }

    /** Inside the storing transaction: a nonce seen before means a replay, and the transaction is undone. */
    public void claimNonce(String nonce) {
        if (!nonces.claim(nonce, clock.instant())) {
            throw replay();
        }
    }

    /**
     * Inside the storing transaction, for pushes stored together: whether each nonce is new. A push whose
     * nonce is not is refused ({@link #replay()}) without undoing the others.
     */
    public boolean[] claimNonces(List<String> pushes) {
        return nonces.claimAll(pushes, clock.instant());
    }

    /** The refusal of a push whose nonce was seen before. */
    public ProblemException replay() {
        return refused("replay", "this nonce was already used");
    }

    public ProblemException refused(String reason, String detail) {
        count(reason);
        return ProblemException.unauthorized("push-refused", detail);
    }

    public void count(String reason) {
        metrics.counter("minhu.carrier.push.refused", "reason", reason).increment();
    }

    @Scheduled(every = "60s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldNonces() {
        Instant cutoff = clock.instant().minus(config.push().window().multipliedBy(2));
        nonces.forgetBefore(cutoff);
    }
}
