package org.minhu.mockcarrier.platform;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

import org.minhu.mockcarrier.config.MockConfig;
import org.minhu.mockcarrier.config.SelfUrl;
import org.minhu.mockcarrier.faults.FaultSettings;
import org.minhu.mockcarrier.faults.Faults;
import org.minhu.mockcarrier.stats.Stats;
import org.minhu.mockcarrier.wire.TelUri;

/**
 * The platform API the chatbot calls: token, send, revoke and fixed menu, answering exactly as
 * the carrier's platform does, including its error codes.
 */
@Path("/bot/{apiVersion}/{chatbotId}")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformResource {

    private final MockConfig config;
    private final AccessTokens tokens;
    private final Outbox outbox;
    private final FixedMenu menu;
    private final Quota quota;
    private final Faults faults;
    private final Stats stats;
    private final SelfUrl selfUrl;
    private final ObjectMapper mapper;
    private final SendValidator validator;

    public PlatformResource(MockConfig config, AccessTokens tokens, Outbox outbox, FixedMenu menu, Quota quota,
            Faults faults, Stats stats, SelfUrl selfUrl, ObjectMapper mapper) {
        this.config = config;
        this.tokens = tokens;
        this.outbox = outbox;
        this.menu = menu;
        this.quota = quota;
        this.faults = faults;
        this.stats = stats;
        this.selfUrl = selfUrl;
        this.mapper = mapper;
        this.validator = new SendValidator(config.chatbotUri(), mapper);
    }

    @POST
    @Path("accessToken")
    public Uni<Response> accessToken(@PathParam("chatbotId") String chatbotId, String body) {
        return answer(() -> {
            stats.tokenCall();
            checkChatbotId(chatbotId);
            JsonNode request = parse(body);
            String appId = Fields.text(request, "appId", "appId");
            String appKey = Fields.text(request, "appKey", "appKey");
            if (!appId.equals(config.appId()) || !appKey.equals(config.appKey())) {
                throw PlatformError.token(PlatformError.BAD_APP_KEY, "appId or appKey is not valid");
            }
            ObjectNode answer = mapper.createObjectNode()
                    .put("accessToken", tokens.issue())
                    .put("expires", tokens.ttlSeconds())
                    .put("url", selfUrl.base())
                    .put("errorCode", 0);
            return Answer.now(Response.ok(answer).build());
        });
    }

    @POST
    @Path("messages")
    public Uni<Response> send(@PathParam("chatbotId") String chatbotId,
            @HeaderParam("authorization") String authorization, @HeaderParam("date") String date, String body) {
        return answer(() -> {
            try {
                checkCall(chatbotId, authorization, date);
                FaultSettings settings = faults.current();
                if (!quota.tryAcquire(settings.quotaPerSecond())) {
                    throw new PlatformError(429, PlatformError.PER_SECOND_QUOTA,
                            "per-second quota of " + settings.quotaPerSecond() + " sends exceeded");
                }
                if (faults.rollFailure(settings)) {
                    stats.faultInjected();
                    return Answer.now(injectedFailure());
                }
                ObjectNode answer = outbox.accept(validator.validate(parse(body)));
                Response response = Response.ok(answer).build();
                if (faults.rollTimeout(settings)) {
                    stats.faultInjected();
                    return new Answer(response, Duration.ofMillis(settings.timeoutMs()));
                }
                return Answer.now(response);
            } catch (PlatformError e) {
                stats.sendRejected(e.errorCode());
                throw e;
            }
        });
    }

    @POST
    @Path("revoke")
    public Uni<Response> revoke(@PathParam("chatbotId") String chatbotId,
            @HeaderParam("authorization") String authorization, @HeaderParam("date") String date, String body) {
        return answer(() -> {
            checkCall(chatbotId, authorization, date);
            JsonNode request = parse(body);
            String messageId = Fields.text(request, "messageId", "messageId");
            Fields.oneOf(request, "status", "status", "RevokeRequested");
            JsonNode destinations = Fields.array(request, "destinationAddress", "destinationAddress");
            String tel = destinations.get(0).asText();
            if (destinations.size() != 1 || !TelUri.isStrict(tel)) {
                throw PlatformError.badParameter("destinationAddress must hold exactly one tel URI");
            }
            outbox.revoke(messageId, tel);
            return Answer.now(Response.ok(mapper.createObjectNode().put("messageId", messageId).put("errorCode", 0))
                    .build());
        });
    }

    @POST
    @Path("update/chatBotInfo/menu")
    public Uni<Response> fixedMenu(@PathParam("chatbotId") String chatbotId,
            @HeaderParam("authorization") String authorization, @HeaderParam("date") String date, String body) {
        return answer(() -> {
            checkCall(chatbotId, authorization, date);
            menu.set(parse(body));
            stats.menuUpdate();
            return Answer.now(Response.ok(mapper.createObjectNode().put("errorCode", 0)).build());
        });
    }

    /** Runs a call after the injected latency and turns a refusal into the platform's answer. */
    private Uni<Response> answer(Supplier<Answer> call) {
        long latencyMs = faults.current().latencyMs();
        Uni<Answer> answer = latencyMs > 0
                ? Uni.createFrom().item(Boolean.TRUE).onItem().delayIt().by(Duration.ofMillis(latencyMs))
                        .map(ignored -> run(call))
                : Uni.createFrom().item(() -> run(call));
        return answer.onItem().transformToUni(a -> a.delay().isZero()
                ? Uni.createFrom().item(a.response())
                : Uni.createFrom().item(a.response()).onItem().delayIt().by(a.delay()));
    }

    private static Answer run(Supplier<Answer> call) {
        try {
            return call.get();
        } catch (PlatformError e) {
            Response.ResponseBuilder response = Response.status(e.httpStatus())
                    .entity(new ErrorAnswer(e.errorCode(), e.getMessage()));
            if (e.httpStatus() == 429) {
                response.header("Retry-After", "1");
            }
            return Answer.now(response.build());
        }
    }

    private void checkCall(String chatbotId, String authorization, String date) {
        checkChatbotId(chatbotId);
        tokens.check(authorization);
        if (date == null || date.isBlank()) {
            throw PlatformError.badParameter("date header is missing");
        }
        try {
            DateTimeFormatter.RFC_1123_DATE_TIME.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw PlatformError.badParameter("date header must be an RFC 1123 date such as"
                    + " 'Mon, 08 Jun 2026 11:42:20 GMT', not '" + date + "'");
        }
    }

    private void checkChatbotId(String chatbotId) {
        if (!config.chatbotUri().equals(chatbotId)) {
            throw new PlatformError(404, PlatformError.BAD_PARAMETER,
                    "chatbotId '" + chatbotId + "' is not known here; this platform serves " + config.chatbotUri());
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw PlatformError.parameter(PlatformError.BAD_JSON, "the body is empty; a JSON object is required");
        }
        try {
            return mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw PlatformError.parameter(PlatformError.BAD_JSON, "the body cannot be parsed as JSON"
                    + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr()));
        }
    }

    private static Response injectedFailure() {
        boolean busy = ThreadLocalRandom.current().nextBoolean();
        return Response.status(busy ? 503 : 500)
                .entity(busy ? new ErrorAnswer(PlatformError.BUSY, "system busy, try again later")
                        : new ErrorAnswer(PlatformError.INTERNAL, "internal error"))
                .build();
    }

    /** @param delay how long to hold the answer back after the work is done */
    private record Answer(Response response, Duration delay) {
        static Answer now(Response response) {
            return new Answer(response, Duration.ZERO);
        }
    }

    public record ErrorAnswer(int errorCode, String errorMessage) {
    }
}
