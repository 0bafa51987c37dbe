package org.minhu.mockcarrier.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.Awaitility;

/**
 * What the fake chatbot endpoint received. It checks each push's signature on its own, without
 * the mock's code, so a test catches a signature the real chatbot would refuse.
 */
@ApplicationScoped
public class FakeChatbot {

    public static final String TOKEN = "mh-demo-token";
    public static final String APP_ID = "mh-demo-app";

    private final List<Push> pushes = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;

    void record(String kind, String path, String signature, String timestamp, String nonce, JsonNode body) {
        pushes.add(new Push(kind, path, signature, timestamp, nonce, body,
                expectedSignature(timestamp, nonce).equals(signature)));
    }

    /** The next {@code count} message pushes are answered with {@code status} instead of 204. */
    public void failNextMessages(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    int messageAnswer() {
        return failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? failureStatus : 204;
    }

    public void clear() {
        pushes.clear();
        failuresLeft.set(0);
    }

    public List<Push> pushes() {
        return new ArrayList<>(pushes);
    }

    public List<Push> messages() {
        return pushes.stream().filter(push -> push.kind().equals("message")).toList();
    }

    /** Delivery statuses pushed for one messageId, in arrival order. */
    public List<String> statuses(String messageId) {
        return pushes.stream()
                .filter(push -> push.kind().equals("status"))
                .map(push -> push.body().path("deliveryInfoList").get(0))
                .filter(info -> info.path("messageId").asText().equals(messageId))
                .map(info -> info.path("status").asText())
                .toList();
    }

    /** Waits until the recorded pushes satisfy {@code condition}, failing after two seconds. */
    public void await(Predicate<FakeChatbot> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10))
                .untilAsserted(() -> assertThat(condition.test(this))
                        .as("fake chatbot saw the expected pushes; it saw %s", pushes).isTrue());
    }

    static String expectedSignature(String timestamp, String nonce) {
        if (timestamp == null || nonce == null) {
            return "";
        }
        String[] parts = { TOKEN, timestamp, nonce };
        Arrays.sort(parts);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Push(String kind, String path, String signature, String timestamp, String nonce, JsonNode body,
            boolean signatureValid) {
    }
}
