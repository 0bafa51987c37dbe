package org.minhu.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the real mock carrier (the packaged {@code mock-carrier/} app) as its own process, wired
 * to the service under test over loopback, so the two meet only through the protocol.
 */
public class MockCarrierResource implements QuarkusTestResourceLifecycleManager {

    private static final Path JAR = Path.of("mock-carrier", "target", "quarkus-app", "quarkus-run.jar");

    private Process process;

    @Override
    public Map<String, String> start() {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build it with ./mvnw -f mock-carrier/pom.xml package");
        }
        // a port given on the command line (-Dquarkus.http.test-port, e.g. for two checkouts testing at once) is kept
        int servicePort = Integer.getInteger("quarkus.http.test-port", 0) > 0 ? Integer.getInteger("quarkus.http.test-port") : freePort();
        int mockPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.http.port=" + mockPort,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dmock.notify-url=http://127.0.0.1:" + servicePort + "/5gmsg",
                "-Dmock.sms-only-numbers=tel:+8613900139000",
                "-jar", JAR.toString()));
        try {
            Files.createDirectories(Path.of("target"));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(new File("target/mock-carrier.log"))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the mock carrier", e);
        }
        String base = "http://127.0.0.1:" + mockPort;
        awaitUp(base);
        MockCarrier.base = base;
        return Map.of(
                "quarkus.http.test-port", String.valueOf(servicePort),
                // the address tests and the browser reach the service at: its own redirects are built from it
                "minhu.public-url", "http://localhost:" + servicePort,
                "minhu.carrier.server-root", base);
    }

    private void awaitUp(String base) {
        HttpClient client = HttpClient.newHttpClient();
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the mock carrier exited; see target/mock-carrier.log");
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(base + "/sim/faults")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the mock carrier did not start in 60 s; see target/mock-carrier.log");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }
}
