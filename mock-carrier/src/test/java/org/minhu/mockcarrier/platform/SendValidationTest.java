package org.minhu.mockcarrier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minhu.mockcarrier.support.FakeChatbot;
import org.minhu.mockcarrier.support.Fixtures;
import org.minhu.mockcarrier.support.Platform;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SendValidationTest {

    private static final String PHONE = "tel:+8613800000201";
    private static final String CARD = "outbound-card-with-chips.json";

    @Inject
    FakeChatbot chatbot;

    private String token;

    @BeforeEach
    void reset() {
        Platform.resetAndPointAtFakeChatbot(RestAssured.port, chatbot);
        token = Platform.token();
    }

    @Test
    void acceptsTheCardFixtureAndShowsItOnThePhone() {
        ObjectNode card = Fixtures.outbound(CARD, PHONE);
        String messageId = card.path("messageId").asText();

        Platform.send(token, card.toString()).statusCode(200)
                .body("messageId", equalTo(messageId))
                .body("conversationId", equalTo(card.path("conversationId").asText()))
                .body("contributionId", equalTo(card.path("contributionId").asText()))
                .body("errorCode", equalTo(0))
                .body("errorMessage", equalTo("success"));

        JsonPath entry = transcript(PHONE).setRootPath("[0]");
        assertThat(entry.getString("from")).isEqualTo("bot");
        assertThat(entry.getString("kind")).isEqualTo("card");
        assertThat(entry.getString("messageId")).isEqualTo(messageId);
        assertThat(entry.getString("text")).startsWith("已受理 MH-20260608-0042\n路灯不亮");
        assertThat(entry.getList("chips.displayText")).containsExactly("查询进度", "拨打热线", "返回菜单");
        assertThat(entry.getList("chips.type")).containsExactly("reply", "action", "reply");
        assertThat(entry.getString("payload.smsContent")).startsWith("您的诉求已受理");
    }

    @Test
    void acceptsTheCarouselFixtureWithTheChipsOfEveryCard() {
        Platform.send(token, Fixtures.outbound("outbound-carousel.json", PHONE).toString()).statusCode(200);

        JsonPath entry = transcript(PHONE).setRootPath("[0]");
        assertThat(entry.getString("kind")).isEqualTo("carousel");
        assertThat(entry.getList("chips.postback")).containsExactly("category:property", "category:municipal",
                "category:environment", "category:other");
    }

    @Test
    void refusesACardWithFiveChips() {
        ObjectNode card = Fixtures.outbound(CARD, PHONE);
        ArrayNode chips = ((ArrayNode) cardContent(card).get("suggestions"));
        for (int i = chips.size(); i < 5; i++) {
            chips.addObject().putObject("reply").put("displayText", "选项" + i).putObject("postback")
                    .put("data", "option:" + i);
        }

        refused(card, 400, 40016, "suggestions");
    }

    @Test
    void refusesADisplayTextOfTwentySixCharacters() {
        ObjectNode card = Fixtures.outbound(CARD, PHONE);
        ((ObjectNode) ((ArrayNode) cardContent(card).get("suggestions")).get(0).path("reply"))
                .put("displayText", "一".repeat(26));

        refused(card, 400, 40019, "displayText");
    }

    @Test
    void refusesACarouselOfOneCard() {
        ObjectNode carousel = Fixtures.outbound("outbound-carousel.json", PHONE);
        ArrayNode cards = (ArrayNode) carousel.path("messageList").get(0).path("contentText").path("message")
                .path("generalPurposeCardCarousel").path("content");
        while (cards.size() > 1) {
            cards.remove(cards.size() - 1);
        }

        refused(carousel, 400, 20002, "generalPurposeCardCarousel.content");
    }

    @Test
    void requiresSmsContentWhenSmsIsSupported() {
        ObjectNode card = Fixtures.outbound(CARD, PHONE);
        card.remove("smsContent");

        refused(card, 400, 20002, "smsContent");
    }

    @Test
    void refusesAnOptionalFieldSentEmpty() {
        ObjectNode card = Fixtures.outbound(CARD, PHONE);
        card.put("inReplyTo", "");

        refused(card, 400, 20002, "inReplyTo");
    }

    @Test
    void refusesASenderOtherThanTheChatbot() {
        ObjectNode card = Fixtures.outbound(CARD, PHONE);
        card.put("senderAddress", "sip:99999@botplatform.rcs.example.cn");

        refused(card, 400, 30008, "senderAddress");
    }

    @Test
    void refusesGroupSending() {
        ObjectNode card = Fixtures.outbound(CARD, PHONE);
        ((ArrayNode) card.get("destinationAddress")).add("tel:+8613800000202");

        refused(card, 400, 20002, "destinationAddress");
    }

    @Test
    void refusesTextOverTwoThousandCharacters() {
        refused(Fixtures.text(PHONE, "长".repeat(2001)), 400, 20002, "messageList[0].contentText");
    }

    @Test
    void refusesAnImageOverTwoMegabytes() {
        ObjectNode card = Fixtures.outbound(CARD, PHONE);
        cardContent(card).putObject("media")
                .put("mediaUrl", "http://127.0.0.1:8080/media/street.jpg")
                .put("mediaContentType", "image/jpeg")
                .put("mediaFileSize", 3 * 1024 * 1024)
                .put("height", "MEDIUM_HEIGHT");

        refused(card, 400, 20002, "mediaFileSize");
    }

    @Test
    void refusesJsonThatCannotBeParsed() {
        refused("{\"messageId\": \"cb1188a3-", 400, 47001, "JSON");
    }

    @Test
    void requiresTheDateHeader() {
        given().urlEncodingEnabled(false).contentType("application/json")
                .header("authorization", "accessToken " + token)
                .body(Fixtures.text(PHONE, "无日期").toString())
                .post(Platform.BASE + "/messages")
                .then().statusCode(400)
                .body("errorCode", equalTo(20002))
                .body("errorMessage", containsString("date"));
    }

    @Test
    void countsRefusalsByErrorCodeAndNeverDeliversThem() {
        ObjectNode card = Fixtures.outbound(CARD, PHONE);
        card.remove("smsContent");
        Platform.send(token, card.toString());
        Platform.send(token, "not json");

        Map<String, Integer> rejected = given().get("/sim/stats").then().extract().path("sendsRejected");
        assertThat(rejected).containsEntry("20002", 1).containsEntry("47001", 1);
        assertThat(transcript(PHONE).getList("$")).isEmpty();
    }

    @Test
    void acceptsAValidFixedMenuAndShowsIt() {
        String menu = """
                {"menu":{"entries":[
                  {"reply":{"displayText":"我要反映","postback":{"data":"menu:file"}}},
                  {"menu":{"displayText":"查询","entries":[
                    {"reply":{"displayText":"我的诉求","postback":{"data":"menu:mine"}}},
                    {"action":{"displayText":"拨打热线","postback":{"data":"dial"},
                      "dialerAction":{"dialPhoneNumber":{"phoneNumber":"12345"}}}}]}}]}}
                """;
        Platform.authorized(token).body(menu).post(Platform.BASE + "/update/chatBotInfo/menu")
                .then().statusCode(200).body("errorCode", equalTo(0));

        List<String> top = given().get("/sim/menu").then().statusCode(200).extract()
                .path("menu.entries.reply.displayText");
        assertThat(top).contains("我要反映");
    }

    @Test
    void refusesAFixedMenuWithFourEntries() {
        String entry = "{\"reply\":{\"displayText\":\"项\",\"postback\":{\"data\":\"x\"}}}";
        String menu = "{\"menu\":{\"entries\":[" + String.join(",", List.of(entry, entry, entry, entry)) + "]}}";

        Platform.authorized(token).body(menu).post(Platform.BASE + "/update/chatBotInfo/menu")
                .then().statusCode(400).body("errorCode", equalTo(40016));
    }

    private void refused(Object body, int status, int errorCode, String field) {
        Platform.send(token, body.toString()).statusCode(status)
                .body("errorCode", equalTo(errorCode))
                .body("errorMessage", containsString(field));
    }

    private static ObjectNode cardContent(ObjectNode card) {
        return (ObjectNode) card.path("messageList").get(0).path("contentText").path("message")
                .path("generalPurposeCard").path("content");
    }

    static JsonPath transcript(String phone) {
        return given().get("/sim/phones/" + phone + "/transcript").then().statusCode(200).extract().jsonPath();
    }
}
