package org.minhu.carrier.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.carrier.CarrierConfig;
import org.minhu.carrier.inbound.InboundGroups;
import org.minhu.carrier.inbound.InboundParser;
import org.minhu.carrier.inbound.InboundPush;
import org.minhu.carrier.inbound.InboundStore;
import org.minhu.carrier.outbox.DeliveryReportGroups;
import org.minhu.carrier.outbox.DeliveryReports;
import org.minhu.common.ProblemException;
import org.minhu.messaging.WorkSignals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * What a push from the platform is checked for and what is done with it: a resident's message is
 * stored and their turn signalled, delivery reports are applied; each answered only once stored.
 * Checks throw {@link ProblemException} (signature, freshness, chatbotId, size, JSON) before anything
 * is stored. {@link PushRoute} calls this for the two pushes that come by the thousand, and
 * {@link NotifyResource} for the rest.
 */
@ApplicationScoped
public class PushIntake {

    private final PushGuard guard;
    private final InboundGroups store;
    private final DeliveryReportGroups reports;
    private final WorkSignals signals;
    private final CarrierConfig config;
    /** {@code minhu.carrier.push.accepted} by outcome, looked up once rather than on every push. */
    private final Map<InboundStore.Outcome, Counter> accepted = new EnumMap<>(InboundStore.Outcome.class);

    public PushIntake(PushGuard guard, InboundGroups store, DeliveryReportGroups reports, WorkSignals signals,
                      CarrierConfig config, MeterRegistry metrics) {
        this.guard = guard;
        this.store = store;
        this.reports = reports;
        this.signals = signals;
        this.config = config;
        for (InboundStore.Outcome outcome : InboundStore.Outcome.values()) {
            accepted.put(outcome, metrics.counter("minhu.carrier.push.accepted", "outcome", outcome.name().toLowerCase(Locale.ROOT)));
        }
    }

    /** A resident's message: stored once (a replay or a duplicate is answered as stored), then their turn runs. */
    public CompletionStage<Void> message(String chatbotId, String signature, String timestamp, String nonce, byte[] body) {
        JsonNode root = checked(chatbotId, signature, timestamp, nonce, body);
        InboundPush push = InboundParser.parse(root, new String(body, StandardCharsets.UTF_8));
        return store.store(push, nonce).thenAccept(outcome -> {
            accepted.get(outcome).increment();
            if (outcome == InboundStore.Outcome.STORED) {
                signals.residentHasWork(push.phone());
            }
        });
    }

    /** Delivery reports for our messages, applied with whatever else arrives meanwhile. */
    public CompletionStage<Void> delivery(String chatbotId, String signature, String timestamp, String nonce, byte[] body) {
        JsonNode root = checked(chatbotId, signature, timestamp, nonce, body);
        JsonNode list = root.get("deliveryInfoList");
        if (list == null || !list.isArray()) {
            throw ProblemException.badRequest("deliveryInfoList", "deliveryInfoList must be an array");
        }
        List<DeliveryReports.Report> parsed = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode info = list.get(i);
            String prefix = "deliveryInfoList[" + i + "].";
            parsed.add(new DeliveryReports.Report(text(info, prefix, "messageId", true),
                    text(info, prefix, "status", true), text(info, prefix, "dateTime", false),
                    integer(info, prefix, "errorCode"), text(info, prefix, "errorMessage", false)));
        }
        // checked and parsed here, on the I/O thread; stored with whatever else arrives meanwhile, and
        // answered once that group has committed
        return reports.apply(new DeliveryReports.Push(parsed, nonce)).thenAccept(queued -> {
            if (queued) {
                signals.outboxHasWork();
            }
        });
    }

    /** Signature, freshness, chatbotId, size and JSON syntax: everything checked before anything is stored. */
    JsonNode checked(String chatbotId, String signature, String timestamp, String nonce, byte[] body) {
        guard.verify(signature, timestamp, nonce);
        guard.requireChatbot(chatbotId);
        if (body != null && body.length > config.push().maxBodyBytes()) {
            throw tooLarge();
        }
        return InboundParser.readTree(body);
    }

    /**
     * What a push's Content-Length header alone says of it, before any of the body is read: the
     * refusal (413 over {@code minhu.carrier.push.max-body-bytes}, 400 when it is not a number), or
     * null when the body may be read. The one judgement for {@link PushRoute} and {@link BodyLimitFilter}.
     */
    ProblemException refusedByLength(String contentLength) {
        if (contentLength == null) {
            return null;
        }
        try {
            return Long.parseLong(contentLength.trim()) > config.push().maxBodyBytes() ? tooLarge() : null;
        } catch (NumberFormatException e) {
            return ProblemException.badRequest("Content-Length", "Content-Length is not a number");
        }
    }

    /** A push over {@code minhu.carrier.push.max-body-bytes}, counted as refused. */
    ProblemException tooLarge() {
        guard.count("too-large");
        return ProblemException.tooLarge("a push may be at most " + config.push().maxBodyBytes() + " bytes");
    }

    int maxBodyBytes() {
        return config.push().maxBodyBytes();
    }

    private static String text(JsonNode node, String prefix, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw ProblemException.badRequest(prefix + field, prefix + field + " is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw ProblemException.badRequest(prefix + field, prefix + field + " must be a string");
        }
        return value.asText();
    }

    private static Integer integer(JsonNode node, String prefix, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt()) {
            throw ProblemException.badRequest(prefix + field, prefix + field + " must be an integer");
        }
        return value.asInt();
    }
}
