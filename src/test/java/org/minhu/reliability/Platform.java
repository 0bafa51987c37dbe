package org.minhu.reliability;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged mock carrier, started as its own process, and the parts of its scripting API the tests use. */
final class Platform implements AutoCloseable {

    private static final Path JAR = Path.of("mock-carrier", "target", "quarkus-app", "quarkus-run.jar");

    /** What the platform saw when it pushed a resident's message: our final HTTP status, 0 if nothing answered. */
    record Push(String messageId, int status) {
        boolean answered() {
            return status == 204;
        }
    }

    /** One chatbot message as the phone shows it. */
    record Shown(String messageId, String kind, String text) {
    }

    private final JavaProcess process;
    private final String base;

    Platform(String name, String notifyUrl) {
        int port = JavaProcess.freePort();
        this.base = "http://127.0.0.1:" + port;
        this.process = new JavaProcess(name + "-platform", JAR, List.of("-Xmx256m", "-XX:+UseSerialGC"), Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "MOCK_NOTIFY_URL", notifyUrl));
        process.start();
        process.awaitUp(() -> {
            try {
                return Http.get(base + "/sim/faults").status() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        }, Duration.ofSeconds(60));
    }

    String base() {
        return base;
    }

    private String phone(String phone) {
        return base + "/sim/phones/" + URLEncoder.encode(phone, StandardCharsets.UTF_8);
    }

    /** The resident types a text; returns once the platform has our answer (after its own re-deliveries). */
    Push text(String phone, String text) {
        JsonNode answer = Http.post(phone(phone) + "/text", Map.of("text", text)).json();
        return new Push(answer.path("messageId").asText(), answer.path("status").asInt());
    }

    /** Pushes a body exactly as given, freshly signed, once; returns our HTTP status. */
    int raw(String phone, String body) {
        return Http.post(phone(phone) + "/raw", body).json().path("status").asInt();
    }

    void smsOnly(String phone) {
        Http.put(phone(phone) + "/mode", Map.of("smsOnly", true));
    }

    List<Shown> botMessages(String phone) {
        List<Shown> shown = new ArrayList<>();
        for (JsonNode entry : Http.get(phone(phone) + "/transcript").json()) {
            if ("bot".equals(entry.path("from").asText())) {
                shown.add(new Shown(entry.path("messageId").asText(), entry.path("kind").asText(), entry.path("text").asText()));
            }
        }
        return shown;
    }

    /** Replaces the fault settings (see mock-carrier/README.md); they lapse by themselves after durationMs. */
    void faults(Map<String, Object> faults) {
        if (Http.put(base + "/sim/faults", faults).status() != 200) {
            throw new IllegalStateException("the platform refused the faults " + faults);
        }
    }

    void calm() {
        Http.delete(base + "/sim/faults");
    }

    JsonNode stats() {
        return Http.get(base + "/sim/stats").json();
    }

    long stat(String name) {
        return stats().path(name).asLong();
    }

    @Override
    public void close() {
        process.stop();
    }
}
