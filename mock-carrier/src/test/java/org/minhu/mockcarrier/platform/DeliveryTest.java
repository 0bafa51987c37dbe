package org.minhu.mockcarrier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minhu.mockcarrier.support.FakeChatbot;
import org.minhu.mockcarrier.support.Fixtures;
import org.minhu.mockcarrier.support.Platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class DeliveryTest {

    private static final String PHONE = "tel:+8613800000301";
    /** Configured as SMS-only in the test profile. */
    private static final String SMS_ONLY_PHONE = "tel:+8613900139000";

    @Inject
    FakeChatbot chatbot;

    private String token;

    @BeforeEach
    void reset() {
        Platform.resetAndPointAtFakeChatbot(RestAssured.port, chatbot);
        token = Platform.token();
    }

    @Test
    void reportsSentDeliveredDisplayedSignedAndFromThePhone() {
        ObjectNode card = Fixtures.outbound("outbound-card-with-chips.json", PHONE);
        String messageId = card.path("messageId").asText();

        Platform.send(token, card.toString()).statusCode(200);

        // each report is its own push, so under load they may arrive in any order
        chatbot.await(c -> c.statuses(messageId).size() >= 3);
        assertThat(chatbot.statuses(messageId)).containsExactlyInAnyOrder("sent", "delivered", "displayed");
        FakeChatbot.Push report = chatbot.pushes().stream()
                .filter(p -> p.body().toString().contains(messageId)).findFirst().orElseThrow();
        assertThat(report.signatureValid()).isTrue();
        assertThat(report.path()).isEqualTo(Platform.CHATBOT_URI);
        JsonNode info = report.body().path("deliveryInfoList").get(0);
        assertThat(info.path("destinationAddress").asText()).isEqualTo(Platform.CHATBOT_URI);
        assertThat(info.path("senderAddress").asText()).isEqualTo(PHONE);
        assertThat(info.path("dateTime").asText()).endsWith("+08:00");
        assertThat(transcriptStatus(PHONE)).isEqualTo("displayed");
    }

    @Test
    void sendsNoReportsWhenNoneWereRequested() {
        ObjectNode carousel = Fixtures.outbound("outbound-carousel.json", PHONE);
        String messageId = carousel.path("messageId").asText();

        Platform.send(token, carousel.toString()).statusCode(200);

        chatbot.await(c -> "displayed".equals(transcriptStatus(PHONE)));
        assertThat(chatbot.pushes()).as("no report about this message")
                .noneMatch(p -> p.body().toString().contains(messageId));
    }

    @Test
    void deliversTheSameMessageIdOnlyOnce() {
        ObjectNode card = Fixtures.outbound("outbound-card-with-chips.json", PHONE);
        String messageId = card.path("messageId").asText();

        String first = Platform.send(token, card.toString()).statusCode(200).extract().asString();
        String second = Platform.send(token, card.toString()).statusCode(200).extract().asString();

        assertThat(second).isEqualTo(first);
        assertThat(SendValidationTest.transcript(PHONE).getList("messageId")).containsExactly(messageId);
        chatbot.await(c -> c.statuses(messageId).size() >= 3);
        assertThat(chatbot.statuses(messageId)).containsExactlyInAnyOrder("sent", "delivered", "displayed");
        JsonPath stats = given().get("/sim/stats").then().extract().jsonPath();
        assertThat(stats.getInt("sendsAccepted")).isEqualTo(1);
        assertThat(stats.getInt("duplicateSends")).isEqualTo(1);
    }

    @Test
    void fallsBackToSmsOnAPhoneWithout5gMessages() {
        ObjectNode card = Fixtures.outbound("outbound-card-with-chips.json", SMS_ONLY_PHONE);
        String messageId = card.path("messageId").asText();

        Platform.send(token, card.toString()).statusCode(200);

        chatbot.await(c -> !c.statuses(messageId).isEmpty());
        assertThat(chatbot.statuses(messageId)).containsExactly("deliveredToNetwork");
        JsonPath entry = SendValidationTest.transcript(SMS_ONLY_PHONE).setRootPath("[0]");
        assertThat(entry.getString("kind")).isEqualTo("sms");
        assertThat(entry.getString("text")).isEqualTo(card.path("smsContent").asText());
        assertThat(entry.getList("chips")).isEmpty();
        assertThat(entry.getString("status")).isEqualTo("deliveredToNetwork");
    }

    @Test
    void failsWithCode2WhenThereIsNoSmsFallback() {
        ObjectNode text = Fixtures.text(SMS_ONLY_PHONE, "只能在5G消息里看到");
        text.put("smsSupported", false).remove("smsContent");
        String messageId = text.path("messageId").asText();

        Platform.send(token, text.toString()).statusCode(200);

        chatbot.await(c -> !c.statuses(messageId).isEmpty());
        JsonNode info = chatbot.pushes().get(0).body().path("deliveryInfoList").get(0);
        assertThat(info.path("status").asText()).isEqualTo("failed");
        assertThat(info.path("errorCode").asInt()).isEqualTo(2);
        assertThat(info.path("errorMessage").asText()).isEqualTo("terminal not supported RCS and smsSupported is false");
        assertThat(SendValidationTest.transcript(SMS_ONLY_PHONE).getList("$")).isEmpty();
    }

    @Test
    void aPhoneSwitchedToSmsOnlyAtRunTimeGetsTheSms() {
        given().contentType(ContentType.JSON).body(Map.of("smsOnly", true))
                .put("/sim/phones/" + PHONE + "/mode").then().statusCode(200).body("smsOnly", equalTo(true));

        Platform.send(token, Fixtures.outbound("outbound-carousel.json", PHONE).toString()).statusCode(200);

        assertThat(SendValidationTest.transcript(PHONE).getList("kind")).containsExactly("sms");
    }

    @Test
    void revokesADeliveredMessage() {
        ObjectNode card = Fixtures.outbound("outbound-card-with-chips.json", PHONE);
        String messageId = card.path("messageId").asText();
        Platform.send(token, card.toString()).statusCode(200);

        Platform.authorized(token)
                .body(Map.of("messageId", messageId, "status", "RevokeRequested", "destinationAddress", List.of(PHONE)))
                .post(Platform.BASE + "/revoke")
                .then().statusCode(200).body("messageId", equalTo(messageId)).body("errorCode", equalTo(0));

        chatbot.await(c -> c.statuses(messageId).contains("revokeOk"));
        assertThat(transcriptStatus(PHONE)).isEqualTo("revoked");
    }

    @Test
    void cannotRevokeAnUnknownMessage() {
        String messageId = "0d5f8a7e-1111-4c2b-9d3e-5a6b7c8d9e0f";

        Platform.authorized(token)
                .body(Map.of("messageId", messageId, "status", "RevokeRequested", "destinationAddress", List.of(PHONE)))
                .post(Platform.BASE + "/revoke")
                .then().statusCode(200);

        chatbot.await(c -> c.statuses(messageId).contains("revokeFail"));
    }

    private static String transcriptStatus(String phone) {
        List<String> statuses = SendValidationTest.transcript(phone).getList("status");
        return statuses.isEmpty() ? null : statuses.get(0);
    }
}
