package org.minhu.reliability;

import org.minhu.carrier.webhook.PushSignature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The malformed pushes kept in {@code src/test/resources/malformed/} (written once by its
 * {@code generate.py}; {@code manifest.tsv} says what each one is and what must happen to it).
 */
final class MalformedCorpus {

    static final String PATH = "/5gmsg/messageNotification/sip%3A12345%40botplatform.rcs.example.cn/messages";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** One push of the corpus; {@code stored} is whether it must be stored and answered (else refused, 4xx). */
    record Entry(String file, boolean stored, String contentType, String messageId, String phone, String what) {
        byte[] body() {
            try (InputStream in = MalformedCorpus.class.getResourceAsStream("/malformed/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("malformed/" + file + " is missing");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return file + " (" + what + ")";
        }
    }

    private MalformedCorpus() {
    }

    static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = MalformedCorpus.class.getResourceAsStream("/malformed/manifest.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 6);
                entries.add(new Entry(f[0], "stored".equals(f[1]), f[2], f[3], f[4], f[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Pushes the entry's bytes as they are, signed as the platform signs; returns our HTTP status. */
    static int push(String base, Entry entry) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + PATH))
                .timeout(Duration.ofSeconds(30))
                .header("signature", PushSignature.sign("mh-demo-token", timestamp, nonce))
                .header("timestamp", timestamp)
                .header("nonce", nonce)
                .POST(HttpRequest.BodyPublishers.ofByteArray(entry.body()));
        if (!"-".equals(entry.contentType())) {
            request.header("content-type", entry.contentType());
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(entry + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
