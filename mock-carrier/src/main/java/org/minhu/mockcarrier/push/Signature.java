package org.minhu.mockcarrier.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The push signature: SHA-256 over token, timestamp and nonce, sorted and joined, in lower-case
 * hex. It does not cover the body; the chatbot is expected to refuse stale timestamps and reused
 * nonces, which is why every delivery attempt gets fresh ones.
 */
public final class Signature {

    private Signature() {
    }

    public static String sign(String token, String timestamp, String nonce) {
        String joined = String.join("", Stream.of(token, timestamp, nonce).sorted().toList());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static boolean verify(String token, String timestamp, String nonce, String signature) {
        if (timestamp == null || nonce == null || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(token, timestamp, nonce).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
