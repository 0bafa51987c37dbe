package org.minhu.carrier.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.minhu.carrier.CarrierConfig;
import org.minhu.common.ServiceConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps the photos and files residents send. A file is fetched only from the platform's media
 * hosts ({@code minhu.carrier.media.hosts}: the URL is parsed and its scheme, host and port must be
 * exactly one of them; a URL with user information is refused, and so is a redirect), its type is
 * read from its first bytes (the declared type and the server's Content-Type are not trusted) and
 * must be one of the allowed types, it may not be larger than the limit, and it is abandoned after
 * the timeout.
 */
@ApplicationScoped
public class MediaStore {

    public static class MediaRefusedException extends Exception {
        public MediaRefusedException(String message) {
            super(message);
        }
    }

    /** A scheme, host and port a file may come from. */
    record Origin(String scheme, String host, int port) {
        static Origin of(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return new Origin(scheme, uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT), port);
        }
    }

    private final Set<Origin> hosts;
    private final List<String> allowedTypes;
    private final long maxBytes;
    private final Duration timeout;
    private final Path root;
    private final HttpClient http;

    @Inject
    public MediaStore(CarrierConfig carrier, ServiceConfig service) {
        this(carrier.media().hosts().orElse(List.of(carrier.serverRoot())), carrier.media().allowedTypes(),
                carrier.media().maxBytes(), carrier.media().timeout(), Path.of(service.dataDir(), "media"));
    }

    MediaStore(List<String> hosts, List<String> allowedTypes, long maxBytes, Duration timeout, Path root) {
        this.hosts = hosts.stream().map(h -> Origin.of(URI.create(h.strip()))).collect(Collectors.toUnmodifiableSet());
        this.allowedTypes = allowedTypes;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.root = root;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .proxy(java.net.ProxySelector.of(null)).build();
    }

    /** Fetches a file and returns its path relative to the media folder. */
    public String fetch(String url, String declaredType) throws MediaRefusedException {
        URI uri = checked(url);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        Path partial = null;
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 == 3) {
                    throw new MediaRefusedException("the media server answered with a redirect, which is not followed");
                }
                if (response.statusCode() != 200) {
                    throw new MediaRefusedException("the media server answered HTTP " + response.statusCode());
                }
                long declared = response.headers().firstValueAsLong("content-length").orElse(-1);
                if (declared > maxBytes) {
                    throw new MediaRefusedException("the file is larger than " + maxBytes + " bytes");
                }
                byte[] head = body.readNBytes(16);
                String type = sniff(head, declaredType);
                if (type == null || !allowedTypes.contains(type)) {
                    throw new MediaRefusedException("the file's content is not of an accepted type"
                            + (type == null ? "" : " (" + type + ")"));
                }
                Path folder = root.resolve(java.time.LocalDate.now().toString());
                Files.createDirectories(folder);
                String name = UUID.randomUUID() + extension(type);
                partial = folder.resolve(name + ".part");
                copyAtMost(head, body, partial, maxBytes);
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

    /** The URL, parsed, if it points exactly at one of the platform's media hosts. */
    URI checked(String url) throws MediaRefusedException {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new MediaRefusedException("not a valid URL");
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            throw new MediaRefusedException("not a valid URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() == null || uri.getRawAuthority().contains("@")) {
            throw new MediaRefusedException("a URL with user information is not fetched");
        }
        if (!hosts.contains(Origin.of(uri))) {
            throw new MediaRefusedException("files are only fetched from the platform's media server");
        }
        return uri;
    }

    /**
     * The type the bytes really are, from their magic numbers; an MP4 container is audio or video as
     * declared (both are the same box format), video when the declaration says neither.
     */
    static String sniff(byte[] head, String declaredType) {
        if (starts(head, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
            return "image/gif";
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
            return "image/webp";
        }
        if (ascii(head, 0, "%PDF-")) {
            return "application/pdf";
        }
        if (ascii(head, 0, "#!AMR")) {
            return "audio/amr";
        }
        if (ascii(head, 4, "ftyp")) {
            String declared = declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase(Locale.ROOT);
            return declared.equals("audio/mp4") || ascii(head, 8, "M4A ") ? "audio/mp4" : "video/mp4";
        }
        if (ascii(head, 0, "ID3") || head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0) {
            return "audio/mpeg";
        }
        return null;
    }

    private static boolean starts(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] head, int offset, String text) {
        byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
        return head.length >= offset + expected.length
                && Arrays.equals(head, offset, offset + expected.length, expected, 0, expected.length);
    }

    public Path resolve(String relative) {
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("outside the media folder");
        }
        return path;
    }

    private static void copyAtMost(byte[] head, InputStream in, Path target, long max) throws IOException, MediaRefusedException {
        byte[] buffer = new byte[64 * 1024];
        long total = head.length;
        if (total > max) {
            throw new MediaRefusedException("the file is larger than " + max + " bytes");
        }
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(head);
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
