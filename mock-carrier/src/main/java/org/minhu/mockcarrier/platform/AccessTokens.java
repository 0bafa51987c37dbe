package org.minhu.mockcarrier.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.minhu.mockcarrier.config.MockConfig;

/** The one access token that is valid at a time: a new one invalidates the one before. */
@ApplicationScoped
public class AccessTokens {

    private final Duration ttl;
    private String current;
    private Instant expiresAt = Instant.EPOCH;

    public AccessTokens(MockConfig config) {
        this.ttl = config.tokenTtl();
    }

    public synchronized String issue() {
        current = UUID.randomUUID().toString().replace("-", "");
        expiresAt = Instant.now().plus(ttl);
        return current;
    }

    public long ttlSeconds() {
        return ttl.toSeconds();
    }

    /** Checks an {@code authorization: accessToken <token>} header. */
    public synchronized void check(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw PlatformError.token(PlatformError.BAD_TOKEN, "authorization header is missing");
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("accessToken")) {
            throw PlatformError.token(PlatformError.BAD_TOKEN,
                    "authorization header must be 'accessToken <token>'");
        }
        if (current == null || !current.equals(parts[1])) {
            throw PlatformError.token(PlatformError.BAD_TOKEN, "accessToken is not valid");
        }
        if (!Instant.now().isBefore(expiresAt)) {
            throw PlatformError.token(PlatformError.TOKEN_EXPIRED, "accessToken has expired");
        }
    }

    /** Lets a test see how the chatbot copes with error 42001 without waiting two hours. */
    public synchronized boolean expireNow() {
        if (current == null) {
            return false;
        }
        expiresAt = Instant.now();
        return true;
    }
}
