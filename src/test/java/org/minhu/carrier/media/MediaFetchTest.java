package org.minhu.carrier.media;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fetching a resident's file over real HTTP (issue 13, item 3): only from the platform's media
 * host, compared exactly after parsing (the old prefix check let {@code http://media@elsewhere/}
 * through), no redirects, and the bytes' real type decides, not the Content-Type.
 */
class MediaFetchTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};
    static final byte[] HTML = "<html><body>metrics</body></html>".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    HttpServer media;
    HttpServer elsewhere;
    final AtomicInteger elsewhereHits = new AtomicInteger();
    MediaStore store;

    @BeforeEach
    void servers() throws IOException {
        media = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        media.createContext("/photo.jpg", x -> respond(x, 200, "image/jpeg", JPEG));
        media.createContext("/page.jpg", x -> respond(x, 200, "image/jpeg", HTML));
        media.createContext("/moved.jpg", x -> {
            x.getResponseHeaders().add("Location", "http://localhost:" + elsewhere.getAddress().getPort() + "/photo.jpg");
            respond(x, 302, "text/plain", new byte[0]);
        });
        media.start();
        elsewhere = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        elsewhere.createContext("/", x -> {
            elsewhereHits.incrementAndGet();
            respond(x, 200, "image/jpeg", JPEG);
        });
        elsewhere.start();
        store = new MediaStore(List.of("http://127.0.0.1:" + media.getAddress().getPort()),
                List.of("image/jpeg", "image/png", "audio/amr"), 1_000_000, Duration.ofSeconds(5), root);
    }

    @AfterEach
    void stop() {
        media.stop(0);
        elsewhere.stop(0);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            x.getResponseBody().write(body);
        }
        x.close();
    }

    private String mediaBase() {
        return "http://127.0.0.1:" + media.getAddress().getPort();
    }

    @Test
    void aPhotoFromThePlatformsMediaHostIsKept() throws Exception {
        String kept = store.fetch(mediaBase() + "/photo.jpg", "image/jpeg");
        assertThat(kept).endsWith(".jpg");
        assertThat(Files.readAllBytes(root.resolve(kept))).isEqualTo(JPEG);
    }

    @Test
    void userInformationInFrontOfAnotherHostIsRefusedAndNothingIsAskedOfThatHost() {
        String sneaky = mediaBase() + "@localhost:" + elsewhere.getAddress().getPort() + "/x.jpg";
        assertThatThrownBy(() -> store.fetch(sneaky, "image/jpeg")).isInstanceOf(MediaStore.MediaRefusedException.class);
        assertThatThrownBy(() -> store.fetch("http://user:pw@127.0.0.1:" + media.getAddress().getPort() + "/photo.jpg", "image/jpeg"))
                .isInstanceOf(MediaStore.MediaRefusedException.class);
        assertThat(elsewhereHits).hasValue(0);
    }

    @Test
    void anotherPortSchemeOrHostIsRefused() {
        int port = media.getAddress().getPort();
        for (String url : List.of("http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/photo.jpg",
                "http://127.0.0.1:" + port + ".evil.example/photo.jpg", "https://127.0.0.1:" + port + "/photo.jpg",
                "http://localhost:" + port + "/photo.jpg", "file:///etc/passwd", "not a url")) {
            assertThatThrownBy(() -> store.fetch(url, "image/jpeg")).as(url).isInstanceOf(MediaStore.MediaRefusedException.class);
        }
        assertThat(elsewhereHits).hasValue(0);
    }

    @Test
    void aRedirectIsNotFollowed() {
        assertThatThrownBy(() -> store.fetch(mediaBase() + "/moved.jpg", "image/jpeg"))
                .isInstanceOf(MediaStore.MediaRefusedException.class).hasMessageContaining("redirect");
        assertThat(elsewhereHits).hasValue(0);
    }

    @Test
    void anHtmlPageDeclaredAsAPhotoIsRefusedAndNotKept() throws Exception {
        assertThatThrownBy(() -> store.fetch(mediaBase() + "/page.jpg", "image/jpeg"))
                .isInstanceOf(MediaStore.MediaRefusedException.class).hasMessageContaining("type");
        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }
}
