package org.minhu.carrier.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.minhu.carrier.CarrierConfig;
import org.minhu.carrier.ChatbotId;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Calls the platform: keeps one access token, fetched only when there is none or it is about to
 * expire (the platform allows 2,000 fetches a day, and each fetch invalidates the last), and on
 * 42001/40014 fetches a new one once and repeats the call. The token is shared through the
 * database, so several instances use one token instead of invalidating each other's: an instance
 * whose token went stale first looks whether another instance has already fetched a newer one.
 */
@ApplicationScoped
public class PlatformClient {

    private final CarrierConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final PlatformApi api;
    /** Sends go out on this non-blocking client: a send costs a slot, not a thread, while it waits. */
    private final io.vertx.core.http.HttpClient sends;
    private final String sendUri;

    /** A token and when it expires; {@link #NONE} until one is fetched or after the platform refused it. */
    private record Token(String value, Instant expires) {
    }

    private static final Token NONE = new Token(null, Instant.EPOCH);

    /**
     * The token in use, read and dropped without a lock: a send's answer drops a refused token on the
     * event loop, which must never wait for a fetch in progress (the fetch's own answer arrives on that
     * event loop: waiting there for the fetch's lock held both still until the read timed out).
     */
    private final java.util.concurrent.atomic.AtomicReference<Token> token = new java.util.concurrent.atomic.AtomicReference<>(NONE);
    /** Held while a token is fetched or taken from the shared row: one fetch at a time per instance. */
    final Object fetching = new Object();
    /** The last token the platform refused: never taken again from the shared row. */
    private volatile String invalidated;

    public PlatformClient(CarrierConfig config, ObjectMapper json, Clock clock, MeterRegistry metrics,
                          io.vertx.core.Vertx vertx) {
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(stripSlash(config.serverRoot()) + "/bot/" + config.apiVersion() + "/"
                        + ChatbotId.encode(config.chatbotUri())))
                .connectTimeout(config.send().connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.send().readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .build(PlatformApi.class);
        this.sendUri = stripSlash(config.serverRoot()) + "/bot/" + config.apiVersion() + "/"
                + ChatbotId.encode(config.chatbotUri()) + "/messages";
        this.sends = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions()
                        .setConnectTimeout((int) config.send().connectTimeout().toMillis())
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(60),
                new io.vertx.core.http.PoolOptions().setHttp1MaxSize(config.send().maxInFlight()));
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    public PlatformAnswer send(ObjectNode body) {
        return withToken((auth, date) -> api.send(auth, date, body.toString()));
    }

    /**
     * Sends without holding a thread while the platform answers. A refused token is dropped here, and
     * the answer says so ({@link PlatformAnswer#tokenProblem()}): the caller sends again, and the next
     * send fetches a fresh token. A platform that does not answer completes the stage exceptionally
     * with {@link CarrierUnavailableException}.
     */
    public java.util.concurrent.CompletionStage<PlatformAnswer> sendAsync(ObjectNode body) {
        String used = currentToken();
        io.vertx.core.http.RequestOptions request = new io.vertx.core.http.RequestOptions()
                .setMethod(io.vertx.core.http.HttpMethod.POST)
                .setAbsoluteURI(sendUri)
                .setIdleTimeout(config.send().readTimeout().toMillis())
                .putHeader("authorization", "accessToken " + used)
                .putHeader("date", httpDate())
                .putHeader("content-type", "application/json")
                .putHeader("accept", "application/json");
        io.vertx.core.buffer.Buffer payload = io.vertx.core.buffer.Buffer.buffer(body.toString());
        java.util.concurrent.CompletableFuture<PlatformAnswer> done = new java.util.concurrent.CompletableFuture<>();
        sends.request(request)
                .compose(call -> call.send(payload))
                .compose(response -> response.body().map(text -> answer(response.statusCode(), text.toString())))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        PlatformAnswer answer = result.result();
                        if (answer.tokenProblem()) {
                            invalidate(used);
                        }
                        done.complete(answer);
                    } else {
                        done.completeExceptionally(new CarrierUnavailableException(
                                "the platform did not answer: " + result.cause().getMessage(), result.cause()));
                    }
                });
        return done;
    }

    public PlatformAnswer revoke(String messageId, String phone) {
        ObjectNode body = json.createObjectNode().put("messageId", messageId).put("status", "RevokeRequested");
        body.putArray("destinationAddress").add(phone);
        return withToken((auth, date) -> api.revoke(auth, date, body.toString()));
    }

    public PlatformAnswer setMenu(ObjectNode menu) {
        return withToken((auth, date) -> api.menu(auth, date, menu.toString()));
    }

    private PlatformAnswer withToken(BiFunction<String, String, Response> call) {
        String used = currentToken();
        PlatformAnswer answer = call(() -> call.apply("accessToken " + used, httpDate()));
        if (answer.tokenProblem()) {
            invalidate(used);
            String fresh = currentToken();
            answer = call(() -> call.apply("accessToken " + fresh, httpDate()));
        }
        return answer;
    }

    String currentToken() {
        Token current = token.get();
        if (fresh(current)) {
            return current.value();
        }
        synchronized (fetching) {
            current = token.get();
            if (fresh(current)) {
                return current.value();
            }
            String stale = current.value();
            return QuarkusTransaction.requiringNew().call(() -> shared(stale)).value();
        }
    }

    private boolean fresh(Token t) {
        return t.value() != null && !clock.instant().isAfter(t.expires().minus(config.send().tokenRefreshMargin()));
    }

    /** Under the shared row's lock: take a fresher token another instance fetched, or fetch one. */
    private Token shared(String stale) {
        Instant now = clock.instant();
        EntityManager em = Panache.getEntityManager();
        List<?> rows = em.createNativeQuery("select token, expires_at from carrier_token where id = 1 for update")
                .getResultList();
        if (!rows.isEmpty()) {
            Object[] row = (Object[]) rows.get(0);
            String sharedToken = (String) row[0];
            Instant expires = instant(row[1]);
            if (!sharedToken.equals(stale) && !sharedToken.equals(invalidated)
                    && now.isBefore(expires.minus(config.send().tokenRefreshMargin()))) {
                Token taken = new Token(sharedToken, expires);
                token.set(taken);
                return taken;
            }
        }
        Token fetched = fetchToken(now);
        // the row exists from the start (V14), so every fetch, the first included, happened under its lock
        em.createNativeQuery("update carrier_token set token = ?1, expires_at = ?2, fetched_at = ?3 where id = 1")
                .setParameter(1, fetched.value()).setParameter(2, fetched.expires()).setParameter(3, now).executeUpdate();
        token.set(fetched);
        return fetched;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        // an unreadable expiry must not pass for an expired one: every instance would fetch, invalidating the others
        throw new IllegalStateException("carrier_token.expires_at read as " + (value == null ? "null" : value.getClass()));
    }

    /** Drops the token the platform refused, unless a newer one is already in use; never waits. */
    void invalidate(String stale) {
        Token current = token.get();
        if (Objects.equals(current.value(), stale)) {
            invalidated = stale;
            token.compareAndSet(current, NONE);
        }
    }

    private Token fetchToken(Instant now) {
        ObjectNode body = json.createObjectNode().put("appId", config.appId()).put("appKey", config.appKey());
        PlatformAnswer answer = call(() -> api.accessToken(body.toString()));
        metrics.counter("minhu.carrier.token.fetched", "ok", String.valueOf(answer.ok())).increment();
        if (!answer.ok()) {
            throw new CarrierUnavailableException("the platform refused a token: " + answer, null);
        }
        try {
            JsonNode parsed = json.readTree(answer.body());
            String value = parsed.path("accessToken").asText(null);
            if (value == null) {
                throw new CarrierUnavailableException("the token answer had no accessToken", null);
            }
            return new Token(value, now.plusSeconds(parsed.path("expires").asLong(7200)));
        } catch (java.io.IOException e) {
            throw new CarrierUnavailableException("the token answer was not JSON", e);
        }
    }

    private PlatformAnswer call(java.util.function.Supplier<Response> call) {
        try (Response response = call.get()) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            return answer(response.getStatus(), body);
        } catch (ProcessingException e) {
            throw new CarrierUnavailableException("the platform did not answer: " + e.getMessage(), e);
        }
    }

    private PlatformAnswer answer(int status, String body) {
        int errorCode = status / 100 == 2 ? 0 : -2;
        String message = null;
        if (body != null && !body.isBlank()) {
            try {
                JsonNode node = json.readTree(body);
                if (node.has("errorCode")) {
                    errorCode = node.path("errorCode").asInt(errorCode);
                }
                message = node.path("errorMessage").asText(null);
            } catch (java.io.IOException e) {
                Log.debugf("platform answered HTTP %d with a body that is not JSON", status);
            }
        }
        return new PlatformAnswer(status, errorCode, message, body);
    }

    private String httpDate() {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(ZoneOffset.UTC));
    }
}
