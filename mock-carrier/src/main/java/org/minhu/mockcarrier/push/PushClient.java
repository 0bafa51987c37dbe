package org.minhu.mockcarrier.push;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.minhu.mockcarrier.config.MockConfig;
import org.minhu.mockcarrier.stats.Stats;

/**
 * Calls the chatbot the way the platform does: every request signed with a fresh timestamp and
 * nonce, and a push that is not answered with 2xx delivered again, unchanged, a few times.
 */
@ApplicationScoped
public class PushClient {

    private static final Logger LOG = Logger.getLogger(PushClient.class);

    private final MockConfig config;
    private final NotifyTarget target;
    private final Timers timers;
    private final Stats stats;
    private final HttpClient http;
    /** Pushes go through Vert.x's HTTP client: java.net.http cost the mock more CPU per push than the service spent storing it. */
    private final io.vertx.core.http.HttpClient pushes;
    private final Vertx vertx;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int inFlight;

    public PushClient(MockConfig config, NotifyTarget target, Timers timers, Stats stats, Vertx vertx) {
        this.config = config;
        this.target = target;
        this.timers = timers;
        this.stats = stats;
        this.vertx = vertx;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        this.pushes = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout(2_000)
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(60),
                new PoolOptions().setHttp1MaxSize(config.pushConcurrency()));
    }

    /** An inbound message to the chatbot, re-delivered up to {@code mock.push-retries} times. */
    public CompletableFuture<PushResult> pushMessage(byte[] body) {
        return post(target.messagesUrl(), body, config.pushRetries());
    }

    /** An inbound body pushed exactly once, so a test sees how the chatbot answers it. */
    public CompletableFuture<PushResult> pushMessageOnce(byte[] body) {
        return post(target.messagesUrl(), body, 0);
    }

    public CompletableFuture<PushResult> pushStatus(byte[] body) {
        return post(target.statusUrl(), body, config.pushRetries());
    }

    /** The platform's check that the chatbot owns its notifyURL. */
    public CompletableFuture<PushResult> checkUrl(String echoStr) {
        HttpRequest request = signed(HttpRequest.newBuilder(URI.create(target.urlCheckUrl())))
                .header("echoStr", echoStr)
                .header("chatbotId", config.chatbotUri())
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> failure == null
                        ? new PushResult(response.statusCode(), response.body(), response.headers(), 1, null)
                        : new PushResult(0, "", null, 1, describe(failure)));
    }

    private CompletableFuture<PushResult> post(String url, byte[] body, int retries) {
        CompletableFuture<PushResult> outcome = new CompletableFuture<>();
        attempt(url, body, 1, retries, outcome);
        return outcome;
    }

    private void attempt(String url, byte[] body, int attempt, int retries, CompletableFuture<PushResult> outcome) {
        whenFree(() -> send(url, body, attempt, retries, outcome));
    }

    private void send(String url, byte[] body, int attempt, int retries, CompletableFuture<PushResult> outcome) {
        CompletableFuture<PushResult> sending = new CompletableFuture<>();
        try {
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            String nonce = UUID.randomUUID().toString();
            RequestOptions request = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setAbsoluteURI(url)
                    .setIdleTimeout(config.pushTimeout().toMillis())
                    .putHeader("signature", Signature.sign(config.token(), timestamp, nonce))
                    .putHeader("timestamp", timestamp)
                    .putHeader("nonce", nonce)
                    .putHeader("content-type", "application/json");
            pushes.request(request)
                    .compose(call -> call.send(Buffer.buffer(body)))
                    .compose(response -> response.body().map(text ->
                            new PushResult(response.statusCode(), text.toString(StandardCharsets.UTF_8), null, attempt, null)))
                    .onComplete(result -> sending.complete(result.succeeded() ? result.result()
                            : new PushResult(0, "", null, attempt, describe(result.cause()))));
        } catch (RuntimeException e) {
            sending.complete(new PushResult(0, "", null, attempt, describe(e)));
        }
        sending.whenComplete((result, failure) -> released())
                .thenAccept(result -> {
                    if (result.delivered()) {
                        stats.pushSent();
                        outcome.complete(result);
                    } else if (attempt <= retries) {
                        stats.pushRetried();
                        timers.after(config.pushBackoff().multipliedBy(attempt),
                                () -> attempt(url, body, attempt + 1, retries, outcome));
                    } else {
                        stats.pushFailed();
                        LOG.infof("push to %s failed after %d attempts: %s", url, attempt,
                                result.error() != null ? result.error() : "HTTP " + result.status());
                        outcome.complete(result);
                    }
                });
    }

    private void whenFree(Runnable push) {
        synchronized (waiting) {
            if (inFlight >= config.pushConcurrency()) {
                waiting.add(push);
                return;
            }
            inFlight++;
        }
        push.run();
    }

    private void released() {
        Runnable next;
        synchronized (waiting) {
            next = waiting.poll();
            if (next == null) {
                inFlight--;
                return;
            }
        }
        // queued on an event loop, so that a run of quickly failing pushes cannot nest deeper and deeper; not
        // CompletableFuture.runAsync: on a machine of two cores its common pool starts a new thread per task
        vertx.runOnContext(ignored -> next.run());
    }

    private HttpRequest.Builder signed(HttpRequest.Builder builder) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        Map.of("signature", Signature.sign(config.token(), timestamp, nonce), "timestamp", timestamp, "nonce", nonce)
                .forEach(builder::header);
        return builder.timeout(config.pushTimeout());
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (cause instanceof HttpTimeoutException || cause instanceof java.util.concurrent.TimeoutException
                || String.valueOf(cause.getMessage()).contains("timeout period")) {
            return "the chatbot did not answer within " + config.pushTimeout().toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "the chatbot refused the connection";
        }
        return "the chatbot could not be reached: " + cause.getMessage();
    }
}
