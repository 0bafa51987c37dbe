package org.minhu.testing;

import io.restassured.specification.RequestSpecification;
import org.minhu.carrier.webhook.PushSignature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Pushes made by hand, signed as the platform signs them: for webhook tests that need odd input. */
public final class Pushes {

    public static final String TOKEN = "mh-demo-token";
    public static final String CHATBOT = "sip%3A12345%40botplatform.rcs.example.cn";
    public static final String MESSAGES = "/5gmsg/messageNotification/" + CHATBOT + "/messages";
    public static final String STATUS = "/5gmsg/deliveryNotification/" + CHATBOT + "/status";

    private Pushes() {
    }

    public static RequestSpecification signed() {
        return signedAt(Instant.now().getEpochSecond(), UUID.randomUUID().toString());
    }

    public static RequestSpecification signedAt(long timestamp, String nonce) {
        String ts = String.valueOf(timestamp);
        return signedWith(ts, nonce, PushSignature.sign(TOKEN, ts, nonce));
    }

    /** A push carrying whatever signature the test gives it, e.g. a forged one. */
    public static RequestSpecification signedWith(String timestamp, String nonce, String signature) {
        return given().urlEncodingEnabled(false).contentType("application/json")
                .header("timestamp", timestamp)
                .header("nonce", nonce)
                .header("signature", signature);
    }

    /** A contract fixture from the repository's protocol folder, {@code docs/protocol/}. */
    public static String fixture(String name) {
        try {
            return Files.readString(Path.of("docs", "protocol", name));
        } catch (IOException e) {
            throw new UncheckedIOException("protocol fixture docs/protocol/" + name, e);
        }
    }

    /** A fixture with its messageId and sender replaced, so each test has its own resident and message. */
    public static String fixtureFrom(String name, String phone) {
        String body = fixture(name);
        return body.replaceFirst("\"messageId\":\\s*\"[^\"]+\"", "\"messageId\": \"" + UUID.randomUUID() + "\"")
                .replace("tel:+8613800138000", phone);
    }
}
