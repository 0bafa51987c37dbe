package org.minhu.mockcarrier.phone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

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

@QuarkusTest
class PhoneSimulationTest {

    private static final String PHONE = "tel:+8613800000501";

    @Inject
    FakeChatbot chatbot;

    @BeforeEach
    void reset() {
        Platform.resetAndPointAtFakeChatbot(RestAssured.port, chatbot);
    }

    @Test
    void aResidentsTextIsPushedSignedAndShapedLikeThePlatformsPushes() {
        given().contentType(ContentType.JSON).body(Map.of("text", "小区门口的路灯坏了一个多月了"))
                .post("/sim/phones/13800000501/text")
                .then().statusCode(200).body("status", equalTo(204)).body("seq", equalTo(1));

        FakeChatbot.Push push = chatbot.messages().get(0);
        assertThat(push.signatureValid()).isTrue();
        assertThat(push.path()).isEqualTo(Platform.CHATBOT_URI);
        JsonNode body = push.body();
        assertThat(body.path("messageList").get(0).path("contentType").asText()).isEqualTo("text/plain");
        assertThat(body.path("messageList").get(0).path("contentText").asText()).isEqualTo("小区门口的路灯坏了一个多月了");
        assertThat(body.path("senderAddress").asText()).isEqualTo(PHONE);
        assertThat(body.path("destinationAddress").asText()).isEqualTo(Platform.CHATBOT_URI);
        assertThat(body.path("dateTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+08:00");
        assertThat(body.path("conversationId").asText()).isNotBlank();
        assertThat(body.path("contributionId").asText()).isNotBlank();
        assertThat(body.has("inReplyTo")).isFalse();
        given().get("/sim/phones/" + PHONE + "/transcript").then()
                .body("[0].from", equalTo("resident"))
                .body("[0].pushStatus", equalTo(204))
                .body("[0].status", equalTo("delivered"));
    }

    @Test
    void tappingAChipAnswersTheMessageItCameWith() {
        String token = Platform.token();
        ObjectNode card = Fixtures.outbound("outbound-card-with-chips.json", PHONE);
        Platform.send(token, card.toString()).statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("text", "查询进度"))
                .post("/sim/phones/" + PHONE + "/tap").then().statusCode(200).body("status", equalTo(204));
        given().contentType(ContentType.JSON).body(Map.of("postback", "dial"))
                .post("/sim/phones/" + PHONE + "/tap").then().statusCode(200);

        JsonNode reply = chatbot.messages().get(0).body();
        assertThat(reply.path("inReplyTo").asText()).isEqualTo(card.path("contributionId").asText());
        JsonNode item = reply.path("messageList").get(0);
        assertThat(item.path("contentType").asText()).isEqualTo("application/vnd.gsma.botsuggestion.response.v1.0+json");
        assertThat(item.path("contentText").path("response").path("reply").path("postback").path("data").asText())
                .isEqualTo("case:MH-20260608-0042:progress");
        JsonNode action = chatbot.messages().get(1).body().path("messageList").get(0).path("contentText")
                .path("response").path("action");
        assertThat(action.path("displayText").asText()).isEqualTo("拨打热线");
    }

    @Test
    void tappingAChipNoMessageOffersIsNotFound() {
        given().contentType(ContentType.JSON).body(Map.of("text", "不存在的按钮"))
                .post("/sim/phones/" + PHONE + "/tap")
                .then().statusCode(404);

        assertThat(chatbot.messages()).isEmpty();
    }

    @Test
    void aSharedLocationIsAGeoUriWithAnEncodedLabel() {
        given().contentType(ContentType.JSON)
                .body(Map.of("latitude", 22.6531, "longitude", 114.0612, "label", "第五园三期北门"))
                .post("/sim/phones/" + PHONE + "/location").then().statusCode(200);

        String expected = Fixtures.read("inbound-location.json").path("messageList").get(0).path("contentText")
                .asText();
        assertThat(chatbot.messages().get(0).body().path("messageList").get(0).path("contentText").asText())
                .isEqualTo(expected);
    }

    @Test
    void aPhotoIsPushedAsAFileLinkToTheMocksMediaStore() throws IOException {
        byte[] photo = png();

        given().contentType(ContentType.JSON)
                .body(Map.of("fileName", "路灯.png", "contentType", "image/png",
                        "base64", Base64.getEncoder().encodeToString(photo)))
                .post("/sim/phones/" + PHONE + "/file").then().statusCode(200);

        JsonNode item = chatbot.messages().get(0).body().path("messageList").get(0);
        assertThat(item.path("contentType").asText()).isEqualTo("application/vnd.gsma.rcs-ft-http");
        JsonNode thumbnail = item.path("contentText").get(0);
        JsonNode file = item.path("contentText").get(1);
        assertThat(thumbnail.path("type").asText()).isEqualTo("thumbnail");
        assertThat(file.path("type").asText()).isEqualTo("file");
        assertThat(file.path("fileName").asText()).isEqualTo("路灯.png");
        assertThat(file.path("fileSize").asInt()).isEqualTo(photo.length);
        byte[] served = given().get(file.path("url").asText()).then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertThat(served).isEqualTo(photo);
        given().get(thumbnail.path("url").asText()).then().statusCode(200).contentType("image/jpeg");
    }

    @Test
    void aPushTheChatbotRefusesIsDeliveredAgainWithTheSameMessageId() {
        chatbot.failNextMessages(2, 503);

        given().contentType(ContentType.JSON).body(Map.of("text", "重试"))
                .post("/sim/phones/" + PHONE + "/text")
                .then().statusCode(200).body("status", equalTo(204)).body("attempts", equalTo(3));

        assertThat(chatbot.messages()).hasSize(3)
                .allSatisfy(push -> assertThat(push.signatureValid()).isTrue())
                .extracting(push -> push.body().path("messageId").asText()).containsOnly(
                        chatbot.messages().get(0).body().path("messageId").asText());
        assertThat(chatbot.messages()).extracting(FakeChatbot.Push::nonce).doesNotHaveDuplicates();
    }

    @Test
    void aChatbotThatCannotBeReachedIsReportedAsStatusZeroAfterEveryRetry() {
        given().contentType(ContentType.JSON).body(Map.of("notifyUrl", "http://127.0.0.1:9/nowhere"))
                .put("/sim/notify-url").then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("text", "有人吗"))
                .post("/sim/phones/" + PHONE + "/text")
                .then().statusCode(200).body("status", equalTo(0)).body("attempts", equalTo(4));

        given().get("/sim/phones/" + PHONE + "/transcript").then()
                .body("[0].status", equalTo("failed")).body("[0].pushStatus", equalTo(0));
        assertThat(given().get("/sim/stats").then().extract().<Integer>path("pushesFailed")).isEqualTo(1);
    }

    @Test
    void aFixedMenuEntryCanBeTappedWithoutAMessage() {
        String menu = "{\"menu\":{\"entries\":[{\"reply\":{\"displayText\":\"我要反映\","
                + "\"postback\":{\"data\":\"menu:file\"}}}]}}";
        Platform.authorized(Platform.token()).body(menu).post(Platform.BASE + "/update/chatBotInfo/menu")
                .then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("text", "我要反映", "menu", true))
                .post("/sim/phones/" + PHONE + "/tap").then().statusCode(200);

        JsonNode push = chatbot.messages().get(0).body();
        assertThat(push.has("inReplyTo")).isFalse();
        assertThat(push.path("messageList").get(0).path("contentText").path("response").path("reply")
                .path("postback").path("data").asText()).isEqualTo("menu:file");
    }

    @Test
    void nextWaitsForTheChatbotsReply() {
        given().get("/sim/phones/" + PHONE + "/next?after=0&timeoutMs=100").then().statusCode(408);

        Platform.send(Platform.token(), Fixtures.text(PHONE, "您好，请描述问题").toString()).statusCode(200);

        given().get("/sim/phones/" + PHONE + "/next?after=0&timeoutMs=1000").then().statusCode(200)
                .body("from", equalTo("bot")).body("text", equalTo("您好，请描述问题"));
    }

    @Test
    void aRawBodyIsPushedAsGiven() {
        String body = Fixtures.read("inbound-text.json").toString();

        given().contentType(ContentType.JSON).body(body).post("/sim/phones/" + PHONE + "/raw").then().statusCode(200).body("status", equalTo(204));

        assertThat(chatbot.messages().get(0).body().toString()).isEqualTo(body);
    }

    @Test
    void theUrlCheckPassesAgainstAChatbotThatEchoes() {
        given().post("/sim/url-check").then().statusCode(200)
                .body("status", equalTo(200))
                .body("passed", equalTo(true))
                .body("appId", equalTo(FakeChatbot.APP_ID));
    }

    @Test
    void listsThePhonesItHasSeen() {
        given().contentType(ContentType.JSON).body(Map.of("text", "你好"))
                .post("/sim/phones/" + PHONE + "/text").then().statusCode(200);

        given().get("/sim/phones").then().statusCode(200)
                .body("find { it.phone == '" + PHONE + "' }.messages", equalTo(1));
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
