package org.minhu.carrier.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The platform's push signature: SHA-256 over token, timestamp and nonce, sorted and joined.
 * It does not cover the body, which is why {@link PushGuard} also checks freshness and replay.
 */
public final class PushSignature {

    private PushSignature() {
    }

    public static String sign(String token, String timestamp, String nonce) {
        String joined = String.join("", Stream.of(token, timestamp, nonce).sorted().toList());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static boolean verify(String token, String timestamp, String nonce, String signature) {
        if (timestamp == null || nonce == null || signature == null) {
            return false;
        }
        byte[] expected = sign(token, timestamp, nonce).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
