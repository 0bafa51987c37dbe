package org.minhu.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.minhu.carrier.media.PublicMediaResource;
import org.minhu.common.ProblemException;
import org.minhu.common.ServiceConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Residents' photos and files under {@code MINHU_DATA_DIR/media}, served only through the
 * console's signed-in routes, and staff's photos of the finished work kept beside them. A stored
 * path never leaves the media folder, whatever it says.
 */
@ApplicationScoped
public class MediaFiles {

    static final long MAX_UPLOAD = 10L * 1024 * 1024;
    private static final Map<String, String> TYPES = Map.of(
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "gif", "image/gif",
            "webp", "image/webp", "mp4", "video/mp4", "pdf", "application/pdf",
            "amr", "audio/amr", "m4a", "audio/mp4", "mp3", "audio/mpeg");

    private final Path root;

    public MediaFiles(ServiceConfig service) {
        this.root = Path.of(service.dataDir(), "media").toAbsolutePath().normalize();
    }

    public Response serve(String relative) {
        Path file = resolve(relative);
        if (file == null || !Files.isRegularFile(file)) {
            throw ProblemException.notFound("no such file");
        }
        String type = TYPES.getOrDefault(extension(file.getFileName().toString()), "application/octet-stream");
        boolean inline = type.startsWith("image/") || type.equals("video/mp4") || type.startsWith("audio/");
        return Response.ok(file.toFile(), type)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", inline ? "inline" : "attachment")
                .header("Cache-Control", "private, max-age=3600")
                .build();
    }

    /** Keeps a photo staff attached when resolving, and returns its path relative to the media folder. */
    public String keepStaffPhoto(FileUpload upload) {
        String ext = extension(upload.fileName() == null ? "" : upload.fileName());
        if (!TYPES.containsKey(ext) || !TYPES.get(ext).startsWith("image/")) {
            throw ProblemException.badRequest("photo", "照片需为 jpg、png、gif 或 webp");
        }
        if (upload.size() > MAX_UPLOAD) {
            throw ProblemException.badRequest("photo", "照片不能超过 10 MB");
        }
        try {
            // the carrier platform fetches it from /media/ to show in the resident's resolution card
            Path folder = root.resolve(PublicMediaResource.PUBLIC_FOLDER).resolve(LocalDate.now().toString());
            Files.createDirectories(folder);
            Path target = folder.resolve(UUID.randomUUID() + "." + ext);
            Files.copy(upload.uploadedFile(), target);
            return root.relativize(target).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path resolve(String relative) {
        if (relative == null || relative.isBlank()) {
            return null;
        }
        Path file = root.resolve(relative).normalize();
        return file.startsWith(root) ? file : null;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
