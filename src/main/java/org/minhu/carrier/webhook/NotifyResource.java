package org.minhu.carrier.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Our notifyURL: what the carrier's 5G Message platform calls. Every push is checked by
 * {@link PushGuard}; an inbound message, or a delivery report, is answered 204 only once it is stored.
 */
@Path("/5gmsg")
@Tag(name = "carrier", description = "Pushes from the 5G Message platform")
public class NotifyResource {

    private static final Set<String> NOTICE_KINDS = Set.of("informationChange", "rcsspam", "check");

    private final PushGuard guard;
    private final InboundGroups store;
    private final DeliveryReportGroups reports;
    private final WorkSignals signals;
    private final CarrierConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;

    public NotifyResource(PushGuard guard, InboundGroups store, DeliveryReportGroups reports, WorkSignals signals,
                          CarrierConfig config, MeterRegistry metrics, Clock clock) {
        this.guard = guard;
        this.store = store;
        this.reports = reports;
        this.signals = signals;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    @GET
    @Path("notifyPath")
    @Operation(summary = "URL check: echoes echoStr and names our appId")
    public Response urlCheck(@HeaderParam("signature") String signature, @HeaderParam("timestamp") String timestamp,
                             @HeaderParam("nonce") String nonce, @HeaderParam("echoStr") String echoStr,
                             @HeaderParam("chatbotId") String chatbotId) {
        guard.verify(signature, timestamp, nonce);
        if (chatbotId != null) {
            guard.requireChatbot(chatbotId);
        }
        if (echoStr == null) {
            throw ProblemException.badRequest("echoStr", "the echoStr header is required");
        }
        return Response.ok().header("echoStr", echoStr).header("appId", config.appId()).build();
    }

    @POST
    @Path("messageNotification/{chatbotId}/messages")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A resident's message")
    public CompletionStage<Response> message(@PathParam("chatbotId") String chatbotId, @HeaderParam("signature") String signature,
                            @HeaderParam("timestamp") String timestamp, @HeaderParam("nonce") String nonce,
                            byte[] body) {
        JsonNode root = checked(chatbotId, signature, timestamp, nonce, body);
        InboundPush push = InboundParser.parse(root, new String(body, StandardCharsets.UTF_8));
        return store.store(push, nonce).thenApply(outcome -> {
            metrics.counter("minhu.carrier.push.accepted", "outcome", outcome.name().toLowerCase()).increment();
            if (outcome == InboundStore.Outcome.STORED) {
                signals.residentHasWork(push.phone());
            }
            return Response.noContent().build();
        });
    }

    @POST
    @Path("deliveryNotification/{chatbotId}/status")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Delivery reports for our messages")
    public CompletionStage<Response> delivery(@PathParam("chatbotId") String chatbotId, @HeaderParam("signature") String signature,
                             @HeaderParam("timestamp") String timestamp, @HeaderParam("nonce") String nonce,
                             byte[] body) {
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
        return reports.apply(new DeliveryReports.Push(parsed, nonce)).thenApply(queued -> {
            if (queued) {
                signals.outboxHasWork();
            }
            return Response.noContent().build();
        });
    }

    @POST
    @Path("notifyInfoNotification/{chatbotId}/notice/{kind}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Platform notices: chatbot information changes, spam reports, checks")
    public Response notice(@PathParam("chatbotId") String chatbotId, @PathParam("kind") String kind,
                           @HeaderParam("signature") String signature, @HeaderParam("timestamp") String timestamp,
                           @HeaderParam("nonce") String nonce, byte[] body) {
        checked(chatbotId, signature, timestamp, nonce, body);
        if (!NOTICE_KINDS.contains(kind)) {
            throw ProblemException.notFound("unknown notice kind " + kind);
        }
        String text = new String(body, StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
        onceMoreOnConflict(() -> QuarkusTransaction.requiringNew().call(() -> {
            guard.claimNonce(nonce);
            io.quarkus.hibernate.orm.panache.Panache.getEntityManager().createNativeQuery(
                            "insert into carrier_notice (kind, body, received_at) values (?1, ?2, ?3)")
                    .setParameter(1, kind)
                    .setParameter(2, text)
                    .setParameter(3, clock.instant())
                    .executeUpdate();
            return true;
        }));
        return Response.noContent().build();
    }

    /**
     * Two pushes racing over one nonce, one messageId or one new resident: the loser's insert fails
     * and its transaction is undone. Done once more, it sees what the winner stored and answers
     * as for a replay, a duplicate, or a known resident.
     */
    private static <T> T onceMoreOnConflict(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (PersistenceException e) {
            return work.get();
        }
    }

    /** Signature, freshness, chatbotId, size and JSON syntax: everything checked before anything is stored. */
    private JsonNode checked(String chatbotId, String signature, String timestamp, String nonce, byte[] body) {
        guard.verify(signature, timestamp, nonce);
        guard.requireChatbot(chatbotId);
        if (body != null && body.length > config.push().maxBodyBytes()) {
            guard.count("too-large");
            throw ProblemException.tooLarge("a push may be at most " + config.push().maxBodyBytes() + " bytes");
        }
        return InboundParser.readTree(body);
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
