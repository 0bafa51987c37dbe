package org.minhu.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One instance of the service: the packaged production build ({@code target/quarkus-app}, built
 * for PostgreSQL and RabbitMQ), configured only through environment variables, as in production.
 */
final class Minhu implements AutoCloseable {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final String name;
    private final int port;
    private final JavaProcess process;

    Minhu(String name, int port, String database, String platformBase, Map<String, String> extra) {
        this.name = name;
        this.port = port;
        Map<String, String> env = new HashMap<>(Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "MINHU_DB_NAME", database,
                "MINHU_CARRIER_SERVER_ROOT", platformBase,
                "MINHU_DATA_DIR", JavaProcess.LOGS.resolve(name + "-data").toString(),
                "MINHU_MESSAGING_INSTANCE_ID", name,
                // production refuses to start without a session key; the tests read /q/metrics without signing in
                "MINHU_SESSION_KEY", "reliability-test-session-key-0123456789",
                "MINHU_SECURITY_MANAGEMENT_POLICY", "permit"));
        // Shorter than production so that a test waits seconds, not minutes, for retries and leases.
        env.putAll(Map.of(
                "MINHU_CARRIER_SEND_READ_TIMEOUT", "2s",
                "MINHU_CARRIER_SEND_LEASE", "5s",
                "MINHU_CARRIER_SEND_BACKOFF", "200ms",
                "MINHU_CARRIER_SEND_MAX_BACKOFF", "2s",
                "MINHU_CONVERSATION_SWEEP", "1s",
                "MINHU_MESSAGING_DEAD_LETTER_CHECK", "1s",
                "MINHU_OPERATIONS_BACKLOG_COUNT", "1s"));
        env.putAll(extra);
        this.process = new JavaProcess(name, JAR, List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), env);
    }

    Minhu start() {
        process.start();
        process.awaitUp(this::ready, Duration.ofSeconds(90));
        return this;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    String name() {
        return name;
    }

    boolean ready() {
        try {
            return Http.get(base() + "/q/health/ready").status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    void kill() {
        process.kill();
    }

    boolean alive() {
        return process.alive();
    }

    /** The sum of a Prometheus counter or gauge over all its series matching the label filter (e.g. {@code direction="received"}). */
    double metric(String name, String labelFilter) {
        String text = Http.get(base() + "/q/metrics").body();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})?\\s+(\\S+)$").matcher(text);
        double sum = 0;
        while (m.find()) {
            String labels = m.group(1) == null ? "" : m.group(1);
            if (labelFilter == null || labels.contains(labelFilter)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    String health(String group) {
        return Http.get(base() + "/q/health/" + group).body();
    }

    /** The status (UP or DOWN) of one named check in a health group. */
    String check(String group, String name) {
        for (com.fasterxml.jackson.databind.JsonNode c : Http.get(base() + "/q/health/" + group).json().path("checks")) {
            if (name.equals(c.path("name").asText())) {
                return c.path("status").asText();
            }
        }
        return "MISSING";
    }

    @Override
    public void close() {
        process.stop();
    }

    @Override
    public String toString() {
        return name;
    }
}
