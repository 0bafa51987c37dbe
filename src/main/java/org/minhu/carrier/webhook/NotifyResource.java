package org.minhu.carrier.webhook;

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
import org.minhu.common.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;

/**
 * Our notifyURL: what the carrier's 5G Message platform calls. Every push is checked by
 * {@link PushGuard}. Residents' messages and delivery reports, which come by the thousand, are taken by
 * {@link PushRoute} ahead of the REST and security handlers (answered 204 only once stored); the URL
 * check and the platform's notices are here.
 */
@Path("/5gmsg")
@Tag(name = "carrier", description = "Pushes from the 5G Message platform")
public class NotifyResource {

    private static final Set<String> NOTICE_KINDS = Set.of("informationChange", "rcsspam", "check");

    private final PushGuard guard;
    private final PushIntake intake;
    private final CarrierConfig config;
    private final Clock clock;

    public NotifyResource(PushGuard guard, PushIntake intake, CarrierConfig config, Clock clock) {
        this.guard = guard;
        this.intake = intake;
        this.config = config;
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
    @Path("notifyInfoNotification/{chatbotId}/notice/{kind}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Platform notices: chatbot information changes, spam reports, checks")
    public Response notice(@PathParam("chatbotId") String chatbotId, @PathParam("kind") String kind,
                           @HeaderParam("signature") String signature, @HeaderParam("timestamp") String timestamp,
                           @HeaderParam("nonce") String nonce, byte[] body) {
        intake.checked(chatbotId, signature, timestamp, nonce, body);
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
}
