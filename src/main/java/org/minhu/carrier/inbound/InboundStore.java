package org.minhu.carrier.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.minhu.carrier.webhook.PushGuard;
import org.minhu.resident.ResidentRepository;

import java.time.Clock;
import java.time.Instant;

/** Stores an accepted push durably, once, before the platform is answered. */
@ApplicationScoped
public class InboundStore {

    public enum Outcome { STORED, DUPLICATE }

    private final InboundMessageRepository messages;
    private final ResidentRepository residents;
    private final PushGuard guard;
    private final Clock clock;

    public InboundStore(InboundMessageRepository messages, ResidentRepository residents, PushGuard guard, Clock clock) {
        this.messages = messages;
        this.residents = residents;
        this.guard = guard;
        this.clock = clock;
    }

    @Transactional
    public Outcome store(InboundPush push, String nonce) {
        guard.claimNonce(nonce);
        if (messages.existsByMessageId(push.messageId())) {
            return Outcome.DUPLICATE;
        }
        Instant now = clock.instant();
        residents.ensureExists(push.phone(), push.conversationId(), now);
        messages.persistAndFlush(new InboundMessage(push, now));
        return Outcome.STORED;
    }
}
