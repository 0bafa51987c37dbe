package org.minhu.conversation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.minhu.carrier.inbound.InboundKind;
import org.minhu.carrier.inbound.InboundMessage;
import org.minhu.carrier.inbound.InboundMessageRepository;
import org.minhu.carrier.media.MediaStore;
import org.minhu.carrier.outbox.Outbox;
import org.minhu.outbound.BotMessage;
import org.minhu.outbound.SmsRendering;
import org.minhu.resident.Resident;
import org.minhu.resident.ResidentRepository;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One turn of a conversation: the resident's oldest unhandled message is read, answered, and
 * marked handled, and the answers are written to the outbox (one batch), all in one transaction under the
 * resident's row lock; the resident is read and written over JDBC, not as an entity (ResidentRepository#lockForTurn).
 * A crash before the commit leaves the message to be handled again.
 */
@ApplicationScoped
public class TurnService {

    private static final TypeReference<List<SmsRendering.Option>> OPTIONS = new TypeReference<>() {
    };

    private final ResidentRepository residents;
    private final InboundMessageRepository inbound;
    private final ResidentResponder responder;
    private final Outbox outbox;
    private final MediaStore media;
    private final ObjectMapper json;
    private final Clock clock;

    public TurnService(ResidentRepository residents, InboundMessageRepository inbound, ResidentResponder responder,
                       Outbox outbox, MediaStore media, ObjectMapper json, Clock clock) {
        this.residents = residents;
        this.inbound = inbound;
        this.responder = responder;
        this.outbox = outbox;
        this.media = media;
        this.json = json;
        this.clock = clock;
    }

    /** What {@link #handleNext} did. */
    public enum Outcome {
        /** No unhandled message. */
        NONE,
        /** The next message is a file not fetched yet: {@link #fetchMedia} first, outside a transaction. */
        NEEDS_MEDIA,
        /** One message handled, and more wait. */
        HANDLED_MORE,
        /** One message handled, and it was the last one stored so far. */
        HANDLED_LAST
    }

    /**
     * Handles the resident's next message. A message stored after this looked raises its own signal,
     * so HANDLED_LAST needs no second look in a transaction of its own.
     */
    @Transactional
    public Outcome handleNext(String phone) {
        Optional<Resident> locked = residents.lockForTurn(phone);
        if (locked.isEmpty()) {
            return Outcome.NONE;
        }
        Resident resident = locked.get();
        List<InboundMessage> pending = inbound.nextPending(phone, 2);
        if (pending.isEmpty()) {
            return Outcome.NONE;
        }
        InboundMessage message = pending.get(0);
        if (message.getKind() == InboundKind.FILE && message.getMediaPath() == null && message.getMediaError() == null) {
            return Outcome.NEEDS_MEDIA;
        }
        Instant now = clock.instant();
        if (message.getKind() == InboundKind.SUGGESTION || message.getKind() == InboundKind.SHARED_DATA) {
            resident.learnCapability(Resident.Capability.RICH, now);
        } else if (message.getKind() == InboundKind.TEXT) {
            readTypedNumber(resident, message);
        }
        outbox.enqueueAll(resident, responder.respond(resident, message), message.getContributionId(), message.getId());
        inbound.markProcessed(message, now);
        residents.writeTurn(resident);
        return pending.size() > 1 ? Outcome.HANDLED_MORE : Outcome.HANDLED_LAST;
    }

    private record PendingFile(Long id, String url, String type) {
    }

    /** Fetches the files of the resident's unhandled messages, outside the turn's transaction. */
    public void fetchMedia(String phone) {
        List<PendingFile> waiting = QuarkusTransaction.requiringNew().call(() -> inbound.find(
                        "phone = ?1 and processedAt is null and kind = ?2 and mediaPath is null and mediaError is null",
                        phone, InboundKind.FILE).list().stream()
                .map(m -> new PendingFile(m.getId(), m.getFileUrl(), m.getFileType())).toList());
        for (PendingFile file : waiting) {
            String stored = null;
            String failure = null;
            try {
                stored = media.fetch(file.url(), file.type());
            } catch (MediaStore.MediaRefusedException e) {
                failure = e.getMessage();
                Log.infof("file of inbound message %d not kept: %s", file.id(), failure);
            }
            String path = stored;
            String reason = failure;
            QuarkusTransaction.requiringNew().run(() -> {
                InboundMessage message = inbound.findById(file.id());
                if (path != null) {
                    message.mediaStored(path);
                } else {
                    message.mediaFailed(reason);
                }
            });
        }
    }

    /** On a plain-SMS phone "1" means the first option of the last message that offered any. */
    private void readTypedNumber(Resident resident, InboundMessage message) {
        if (resident.getSmsOptions() == null || message.getText() == null) {
            return;
        }
        String typed = Normalizer.normalize(message.getText(), Normalizer.Form.NFKC).strip();
        if (!typed.matches("[0-9]{1,2}")) {
            return;
        }
        int number = Integer.parseInt(typed);
        try {
            for (SmsRendering.Option option : json.readValue(resident.getSmsOptions(), OPTIONS)) {
                if (option.number() == number) {
                    message.readAsChoice(option.displayText(), option.postback());
                    return;
                }
            }
        } catch (java.io.IOException e) {
            Log.warnf("stored options of resident %d are unreadable", resident.getId());
        }
    }
}
