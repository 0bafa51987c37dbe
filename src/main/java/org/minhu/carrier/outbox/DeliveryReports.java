package org.minhu.carrier.outbox;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.minhu.carrier.webhook.PushGuard;
import org.minhu.resident.Resident;
import org.minhu.resident.ResidentRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Applies the platform's delivery reports. They also teach us what a phone can show: delivered or
 * displayed means 5G Messages work; deliveredToNetwork, or failed with errorCode 2 on a message sent
 * without fallback, means it cannot, and such a message is sent again as plain text.
 */
@ApplicationScoped
public class DeliveryReports {

    static final int NOT_A_5G_TERMINAL = 2;

    public record Report(String messageId, String status, String dateTime, Integer errorCode, String errorMessage) {
    }

    private final OutboxRepository outbox;
    private final Outbox queue;
    private final ResidentRepository residents;
    private final PushGuard guard;
    private final Clock clock;

    public DeliveryReports(OutboxRepository outbox, Outbox queue, ResidentRepository residents, PushGuard guard, Clock clock) {
        this.outbox = outbox;
        this.queue = queue;
        this.residents = residents;
        this.guard = guard;
        this.clock = clock;
    }

    /** Returns whether a plain-text copy was queued, so the caller can wake the sender. */
    @Transactional
    public boolean apply(List<Report> reports, String nonce) {
        guard.claimNonce(nonce);
        Instant now = clock.instant();
        boolean queued = false;
        for (Report report : reports) {
            outbox.getEntityManager().createNativeQuery("""
                            insert into delivery_event (message_id, status, error_code, error_text, reported_at, received_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, report.messageId())
                    .setParameter(2, report.status())
                    .setParameter(3, report.errorCode())
                    .setParameter(4, report.errorMessage())
                    .setParameter(5, report.dateTime())
                    .setParameter(6, now)
                    .executeUpdate();
            OutboundStatus status = OutboundStatus.fromReport(report.status());
            OutboundMessage message = outbox.lockByMessageId(report.messageId()).orElse(null);
            if (message == null || status == null) {
                Log.debugf("delivery report %s for %s changes nothing", report.status(), report.messageId());
                continue;
            }
            message.report(status, now);
            queued |= learn(message, status, report.errorCode(), now);
        }
        return queued;
    }

    /**
     * Most reports only confirm what we know (a phone that shows 5G messages showed one): that costs
     * one conditional update and no read. Only a report that says otherwise loads the resident.
     */
    private boolean learn(OutboundMessage message, OutboundStatus status, Integer errorCode, Instant now) {
        boolean rich = message.getSentAs() != OutboundMessage.SentAs.SMS_TEXT;
        switch (status) {
            case DELIVERED, DISPLAYED -> {
                if (rich) {
                    residents.learnRich(message.getPhone(), message.getId(), now);
                }
            }
            case DELIVERED_TO_NETWORK -> residents.findByPhone(message.getPhone())
                    .ifPresent(r -> r.learnCapability(Resident.Capability.SMS_ONLY, message.getId(), now));
            case FAILED -> {
                if (errorCode != null && errorCode == NOT_A_5G_TERMINAL
                        && message.getSentAs() == OutboundMessage.SentAs.RICH_ONLY) {
                    Resident resident = residents.findByPhone(message.getPhone()).orElse(null);
                    if (resident == null) {
                        return false;
                    }
                    resident.learnCapability(Resident.Capability.SMS_ONLY, message.getId(), now);
                    queue.enqueueFallback(message);
                    return true;
                }
            }
            default -> {
            }
        }
        return false;
    }
}
