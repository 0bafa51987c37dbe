package org.minhu.mockcarrier.support;

import static io.restassured.RestAssured.given;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Calls the mock's platform API the way a chatbot does. */
public final class Platform {

    public static final String CHATBOT_URI = "sip:12345@botplatform.rcs.example.cn";
    public static final String BASE = "/bot/v1/sip%3A12345%40botplatform.rcs.example.cn";

    private Platform() {
    }

    public static String token() {
        return given().urlEncodingEnabled(false).contentType(ContentType.JSON)
                .body(Map.of("appId", FakeChatbot.APP_ID, "appKey", "mh-demo-key"))
                .post(BASE + "/accessToken")
                .then().statusCode(200)
                .extract().path("accessToken");
    }

    public static RequestSpecification authorized(String token) {
        return given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON)
                .header("authorization", "accessToken " + token)
                .header("date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
    }

    public static ValidatableResponse send(String token, Object body) {
        return authorized(token).body(body).post(BASE + "/messages").then();
    }

    /** Routes the mock's pushes to the fake chatbot and forgets earlier tests' traffic. */
    public static void resetAndPointAtFakeChatbot(int port, FakeChatbot chatbot) {
        given().contentType(ContentType.JSON)
                .body(Map.of("notifyUrl", "http://127.0.0.1:" + port + "/fake-chatbot"))
                .put("/sim/notify-url").then().statusCode(200);
        given().post("/sim/reset").then().statusCode(204);
        chatbot.clear();
    }
}
