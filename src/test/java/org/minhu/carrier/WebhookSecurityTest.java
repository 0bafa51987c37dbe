package org.minhu.carrier;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.carrier.inbound.InboundMessage;
import org.minhu.carrier.inbound.InboundMessageRepository;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Pushes;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class WebhookSecurityTest {

    @Inject
    InboundMessageRepository inbound;

    private static String textPush(String messageId, String phone, String text) {
        return """
                {"messageId":"%s","messageList":[{"contentType":"text/plain","contentText":%s}],
                 "dateTime":"2026-06-08T19:42:20.840+08:00","destinationAddress":"sip:12345@botplatform.rcs.example.cn",
                 "senderAddress":"%s","conversationId":"c-1","contributionId":"k-1"}"""
                .formatted(messageId, com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString(), phone);
    }

    private boolean stored(String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> inbound.existsByMessageId(messageId));
    }

    @Test
    void aSignedPushIsStoredAndAnswered204() {
        String id = UUID.randomUUID().toString();
        Pushes.signed().body(textPush(id, "tel:+8613700000001", "路灯坏了")).post(Pushes.MESSAGES)
                .then().statusCode(204);
        assertThat(stored(id)).isTrue();
    }

    /** Pushes are taken ahead of the staff's sign-in: credentials on a push are neither checked nor needed. */
    @Test
    void aPushIsTakenOnItsSignatureAloneWhateverCredentialsItCarries() {
        String id = UUID.randomUUID().toString();
        Pushes.signed().header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("nobody:wrong-password".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .body(textPush(id, "tel:+8613700000009", "路灯坏了")).post(Pushes.MESSAGES)
                .then().statusCode(204);
        assertThat(stored(id)).isTrue();
        Pushes.signed().header("Authorization", "Basic bm9ib2R5Ondyb25n")
                .body("{\"deliveryInfoList\":[]}").post(Pushes.STATUS)
                .then().statusCode(204);
    }

    @Test
    void aForgedSignatureIsRefusedAndNothingIsStored() {
        String id = UUID.randomUUID().toString();
        Pushes.signedWith(String.valueOf(Instant.now().getEpochSecond()), UUID.randomUUID().toString(), "0".repeat(64))
                .body(textPush(id, "tel:+8613700000002", "x"))
                .post(Pushes.MESSAGES)
                .then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(401)).body("title", equalTo("Push refused"));
        assertThat(stored(id)).isFalse();
        given().get("/q/metrics").then().body(containsString("reason=\"bad-signature\""));
    }

    @Test
    void missingSignatureHeadersAreRefused() {
        String id = UUID.randomUUID().toString();
        given().contentType("application/json").body(textPush(id, "tel:+8613700000002", "x")).post(Pushes.MESSAGES)
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        assertThat(stored(id)).isFalse();
    }

    @Test
    void aStaleTimestampIsRefused() {
        String id = UUID.randomUUID().toString();
        Pushes.signedAt(Instant.now().getEpochSecond() - 301, UUID.randomUUID().toString())
                .body(textPush(id, "tel:+8613700000003", "x")).post(Pushes.MESSAGES)
                .then().statusCode(401).body("detail", containsString("window"));
        Pushes.signedAt(Instant.now().getEpochSecond() + 400, UUID.randomUUID().toString())
                .body(textPush(id, "tel:+8613700000003", "x")).post(Pushes.MESSAGES)
                .then().statusCode(401);
        assertThat(stored(id)).isFalse();
    }

    @Test
    void aReplayedNonceIsRefusedEvenWithANewMessage() {
        String nonce = UUID.randomUUID().toString();
        long now = Instant.now().getEpochSecond();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        Pushes.signedAt(now, nonce).body(textPush(first, "tel:+8613700000004", "一")).post(Pushes.MESSAGES)
                .then().statusCode(204);
        Pushes.signedAt(now, nonce).body(textPush(second, "tel:+8613700000004", "二")).post(Pushes.MESSAGES)
                .then().statusCode(401).body("detail", containsString("nonce"));
        assertThat(stored(first)).isTrue();
        assertThat(stored(second)).isFalse();
    }

    @Test
    void anUnknownChatbotIsNotFound() {
        String id = UUID.randomUUID().toString();
        Pushes.signed().body(textPush(id, "tel:+8613700000005", "x"))
                .post("/5gmsg/messageNotification/sip%3A999%40other.example.cn/messages")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        assertThat(stored(id)).isFalse();
    }

    @Test
    void malformedJsonIsA400NamingTheBody() {
        Pushes.signed().body("{\"messageId\": \"abc\", \"messageList\": [").post(Pushes.MESSAGES)
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("field", equalTo("body"));
    }

    @Test
    void missingAndMistypedFieldsAreNamed() {
        String id = UUID.randomUUID().toString();
        String noSender = textPush(id, "tel:+8613700000006", "x").replace("\"senderAddress\":\"tel:+8613700000006\",", "");
        Pushes.signed().body(noSender).post(Pushes.MESSAGES)
                .then().statusCode(400).body("field", equalTo("senderAddress"));

        String listAsString = textPush(id, "tel:+8613700000006", "x")
                .replaceFirst("\"messageList\":\\[.*?\\],", "\"messageList\":\"hello\",");
        Pushes.signed().body(listAsString).post(Pushes.MESSAGES)
                .then().statusCode(400).body("field", equalTo("messageList"));

        String badTel = textPush(id, "mailto:someone", "x");
        Pushes.signed().body(badTel).post(Pushes.MESSAGES)
                .then().statusCode(400).body("field", equalTo("senderAddress"));

        String numericText = textPush(id, "tel:+8613700000006", "x").replace("\"contentText\":\"x\"", "\"contentText\":42");
        Pushes.signed().body(numericText).post(Pushes.MESSAGES)
                .then().statusCode(400).body("field", equalTo("messageList[0].contentText"));
        assertThat(stored(id)).isFalse();
    }

    @Test
    void anOversizeBodyIsA413() {
        String id = UUID.randomUUID().toString();
        String huge = textPush(id, "tel:+8613700000007", "字".repeat(400_000));
        Pushes.signed().body(huge).post(Pushes.MESSAGES)
                .then().statusCode(413).contentType(startsWith("application/problem+json"));
        assertThat(stored(id)).isFalse();
        // the same answer on the reports' route and on the rest of /5gmsg
        for (String path : new String[] {Pushes.STATUS, "/5gmsg/notifyInfoNotification/" + Pushes.CHATBOT + "/notice/check"}) {
            Pushes.signed().body(huge).post(path)
                    .then().statusCode(413).contentType(startsWith("application/problem+json"))
                    .body("type", org.hamcrest.Matchers.endsWith("too-large"));
        }
    }

    @Test
    void textLongerThanThePlatformAllowsIsStoredWhole() {
        String id = UUID.randomUUID().toString();
        String text = "长".repeat(5000);
        Pushes.signed().body(textPush(id, "tel:+8613700000008", text)).post(Pushes.MESSAGES).then().statusCode(204);
        InboundMessage message = QuarkusTransaction.requiringNew().call(() -> inbound.find("messageId", id).firstResult());
        assertThat(message.getText()).isEqualTo(text);
    }

    @Test
    void theUrlCheckEchoesAndNamesOurAppId() {
        Pushes.signed().header("echoStr", "hello-123").header("chatbotId", "sip:12345@botplatform.rcs.example.cn")
                .get("/5gmsg/notifyPath")
                .then().statusCode(200).header("echoStr", "hello-123").header("appId", "mh-demo-app");
        given().header("echoStr", "hello-123").header("timestamp", "1").header("nonce", "n").header("signature", "s")
                .get("/5gmsg/notifyPath")
                .then().statusCode(401);
    }
}
