package org.minhu.open311;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Checks the {@code api_key} of a posted request against {@code minhu.open311.api-keys}. Keys are
 * compared as SHA-256 digests in constant time, so the answer's timing tells nothing about a key.
 */
@ApplicationScoped
class ApiKeys {

    private final List<byte[]> digests;

    ApiKeys(Open311Config config) {
        this.digests = config.apiKeys().orElse(List.of()).stream()
                .map(String::strip)
                .filter(key -> !key.isEmpty())
                .map(ApiKeys::digest)
                .toList();
    }

    void warnWhenNone(@Observes StartupEvent started) {
        if (digests.isEmpty()) {
            Log.warn("no Open311 API keys are configured (MINHU_OPEN311_API_KEYS): posting service requests is refused");
        }
    }

    /** @throws GeoReportException 403 when the key is missing or not one of ours */
    void require(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new GeoReportException(403, "api_key is required to post a service request");
        }
        byte[] given = digest(apiKey.strip());
        boolean known = false;
        for (byte[] digest : digests) {
            known |= MessageDigest.isEqual(digest, given);
        }
        if (!known) {
            throw new GeoReportException(403, "api_key is not valid");
        }
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
