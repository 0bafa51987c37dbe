package org.minhu.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The local PostgreSQL and RabbitMQ servers: restarted by the scenarios that need it, and always left running. */
final class Backends {

    private Backends() {
    }

    static void restartPostgres() {
        run(Duration.ofSeconds(60), "pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "restart");
    }

    /** Stops RabbitMQ's application (every connection drops, non-durable queues go), then starts it again. */
    static void restartRabbit() {
        run(Duration.ofSeconds(60), "rabbitmqctl", "stop_app");
        run(Duration.ofSeconds(60), "rabbitmqctl", "start_app");
    }

    /** Starts whichever of the two is not listening, and waits (bounded) until both are. */
    static void ensureRunning() {
        if (!listening(5432)) {
            run(Duration.ofSeconds(60), "pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "start");
        }
        if (!listening(5672)) {
            if (!tryRun(Duration.ofSeconds(30), "rabbitmqctl", "start_app")) {
                run(Duration.ofSeconds(30), "rabbitmq-server", "-detached");
            }
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(listening(5432) && listening(5672)) && System.nanoTime() < until) {
            Http.sleep(250);
        }
        if (!(listening(5432) && listening(5672))) {
            throw new IllegalStateException("PostgreSQL or RabbitMQ did not come back");
        }
    }

    static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String postgresVersion() {
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("no cluster in /etc/postgresql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(Duration timeout, String... command) {
        if (!tryRun(timeout, command)) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see target/reliability/backends.log");
        }
    }

    private static boolean tryRun(Duration timeout, String... command) {
        try {
            Files.createDirectories(JavaProcess.LOGS);
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(JavaProcess.LOGS.resolve("backends.log").toFile()))
                    .start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
