package org.minhu.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A tiny load balancer for the tests: the platform knows one notify URL, and each push it makes
 * goes to the next instance in turn. An instance that refuses the connection (killed, restarting)
 * is skipped for that request, as a load balancer's health check would.
 */
final class RoundRobin implements AutoCloseable {

    private static final List<String> FORWARDED = List.of("signature", "timestamp", "nonce", "content-type");

    private final HttpServer server;
    private final List<Integer> ports;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLongArray served;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1).build();

    RoundRobin(List<Integer> ports) {
        this.ports = ports;
        this.served = new AtomicLongArray(ports.size());
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(48));
        server.createContext("/", this::forward);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Pushes each instance answered. */
    long served(int instance) {
        return served.get(instance);
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int first = Math.floorMod(next.getAndIncrement(), ports.size());
        int status = 502;
        byte[] answer = new byte[0];
        for (int attempt = 0; attempt < ports.size(); attempt++) {
            int target = (first + attempt) % ports.size();
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + ports.get(target) + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(10))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            FORWARDED.forEach(h -> {
                String value = exchange.getRequestHeaders().getFirst(h);
                if (value != null) {
                    request.header(h, value);
                }
            });
            try {
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                answer = response.body();
                served.incrementAndGet(target);
                break;
            } catch (java.net.ConnectException e) {
                // that instance is down: try the next one
            } catch (IOException e) {
                status = 504;
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
