package org.minhu.carrier.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.minhu.carrier.outbound.BotMessage;
import org.minhu.carrier.outbound.PlatformRenderer;
import org.minhu.carrier.outbound.SmsRendering;
import org.minhu.carrier.outbound.SmsRenderer;
import org.minhu.resident.Resident;

import java.time.Clock;
import java.time.Instant;

/** Writes bot messages to the outbox, inside the caller's transaction. The sender takes it from there. */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final ObjectMapper json;
    private final Clock clock;

    public Outbox(OutboxRepository repository, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Queues a message for a resident. Its numbered options (or none) become what a typed number
     * means in the resident's next message.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboundMessage enqueue(Resident resident, BotMessage message, String inReplyTo, Long causeInboundId) {
        Instant now = clock.instant();
        SmsRendering sms = SmsRenderer.render(message, resident.getLanguage());
        OutboundMessage row = new OutboundMessage(resident.getPhone(), resident.getConversationId(), inReplyTo,
                PlatformRenderer.render(message).toString(), sms.text(), causeInboundId, null, now);
        repository.persist(row);
        try {
            resident.rememberSmsOptions(sms.options().isEmpty() ? null : json.writeValueAsString(sms.options()), now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("options are plain records", e);
        }
        return row;
    }

    /** A plain-text copy of a rich message the phone could not show. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueFallback(OutboundMessage original) {
        if (repository.hasFallbackFor(original.getId())) {
            return;
        }
        repository.persist(new OutboundMessage(original.getPhone(), original.getConversationId(),
                original.getInReplyTo(), PlatformRenderer.plainText(original.getSmsContent()).toString(),
                original.getSmsContent(), original.getCauseInboundId(), original.getId(), clock.instant()));
    }
}
