package org.minhu.carrier.media;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.minhu.carrier.CarrierConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Keeps the photos and files residents send. A file is fetched from the platform's media server
 * (only from allowed URL prefixes), refused if its type is not allowed or it is too large, and
 * abandoned after the timeout.
 */
@ApplicationScoped
public class MediaStore {

    public static class MediaRefusedException extends Exception {
        public MediaRefusedException(String message) {
            super(message);
        }
    }

    private final CarrierConfig.Media config;
    private final List<String> allowedPrefixes;
    private final Path root;
    private final HttpClient http;

    public MediaStore(CarrierConfig carrier, @ConfigProperty(name = "minhu.data-dir") String dataDir) {
        this.config = carrier.media();
        this.allowedPrefixes = config.allowedPrefixes().orElse(List.of(carrier.serverRoot()));
        this.root = Path.of(dataDir, "media");
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Fetches a file and returns its path relative to the media folder. */
    public String fetch(String url, String declaredType) throws MediaRefusedException {
        if (allowedPrefixes.stream().noneMatch(url::startsWith)) {
            throw new MediaRefusedException("files are only fetched from the platform's media server");
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(config.timeout()).GET().build();
        } catch (IllegalArgumentException e) {
            throw new MediaRefusedException("not a valid URL");
        }
        Path partial = null;
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new MediaRefusedException("the media server answered HTTP " + response.statusCode());
                }
                String type = response.headers().firstValue("content-type").orElse(declaredType);
                type = type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
                if (!config.allowedTypes().contains(type)) {
                    throw new MediaRefusedException("files of type " + type + " are not accepted");
                }
                long declared = response.headers().firstValueAsLong("content-length").orElse(-1);
                if (declared > config.maxBytes()) {
                    throw new MediaRefusedException("the file is larger than " + config.maxBytes() + " bytes");
                }
                Path folder = root.resolve(java.time.LocalDate.now().toString());
                Files.createDirectories(folder);
                String name = UUID.randomUUID() + extension(type);
                partial = folder.resolve(name + ".part");
                copyAtMost(body, partial, config.maxBytes());
                Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                return root.relativize(folder.resolve(name)).toString();
            }
        } catch (IOException e) {
            throw new MediaRefusedException("the file could not be fetched: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaRefusedException("interrupted");
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // a stray .part file is harmless and never served
                }
            }
        }
    }

    public Path resolve(String relative) {
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("outside the media folder");
        }
        return path;
    }

    private static void copyAtMost(InputStream in, Path target, long max) throws IOException, MediaRefusedException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > max) {
                    throw new MediaRefusedException("the file is larger than " + max + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static String extension(String type) {
        return switch (type) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "video/mp4" -> ".mp4";
            case "application/pdf" -> ".pdf";
            case "audio/amr" -> ".amr";
            case "audio/mp4" -> ".m4a";
            case "audio/mpeg" -> ".mp3";
            default -> ".bin";
        };
    }
}
