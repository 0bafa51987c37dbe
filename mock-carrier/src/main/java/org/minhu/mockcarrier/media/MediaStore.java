package org.minhu.mockcarrier.media;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.minhu.mockcarrier.config.SelfUrl;

/** Files residents sent, kept in memory and served at {@code /media/{id}} like a platform's file store. */
@ApplicationScoped
public class MediaStore {

    private final Map<String, Media> media = new ConcurrentHashMap<>();
    private final SelfUrl selfUrl;

    public MediaStore(SelfUrl selfUrl) {
        this.selfUrl = selfUrl;
    }

    /** @param prefix the start of the id, e.g. {@code file} or {@code thumb} */
    public String store(String prefix, String extension, String contentType, byte[] bytes) {
        String id = prefix + "-" + UUID.randomUUID() + extension;
        media.put(id, new Media(contentType, bytes));
        return id;
    }

    public String url(String id) {
        return selfUrl.base() + "/media/" + id;
    }

    public Optional<Media> find(String id) {
        return Optional.ofNullable(media.get(id));
    }

    public void clear() {
        media.clear();
    }

    public record Media(String contentType, byte[] bytes) {
    }
}
