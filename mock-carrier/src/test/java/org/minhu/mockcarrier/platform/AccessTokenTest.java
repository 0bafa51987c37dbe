package org.minhu.mockcarrier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minhu.mockcarrier.support.FakeChatbot;
import org.minhu.mockcarrier.support.Fixtures;
import org.minhu.mockcarrier.support.Platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
class AccessTokenTest {

    private static final String PHONE = "tel:+8613800000101";

    @Inject
    FakeChatbot chatbot;

    @BeforeEach
    void reset() {
        Platform.resetAndPointAtFakeChatbot(RestAssured.port, chatbot);
    }

    @Test
    void issuesATokenForTheRightAppKey() {
        given().urlEncodingEnabled(false).contentType(ContentType.JSON)
                .body(Map.of("appId", "mh-demo-app", "appKey", "mh-demo-key"))
                .post(Platform.BASE + "/accessToken")
                .then().statusCode(200)
                .body("accessToken", notNullValue())
                .body("expires", equalTo(7200))
                .body("url", notNullValue())
                .body("errorCode", equalTo(0));
    }

    @Test
    void refusesAWrongAppKey() {
        given().urlEncodingEnabled(false).contentType(ContentType.JSON)
                .body(Map.of("appId", "mh-demo-app", "appKey", "guessed"))
                .post(Platform.BASE + "/accessToken")
                .then().statusCode(401)
                .body("errorCode", equalTo(40001));
    }

    @Test
    void aNewTokenInvalidatesTheOldOne() {
        String first = Platform.token();
        String second = Platform.token();

        Platform.send(first, Fixtures.text(PHONE, "旧令牌")).statusCode(401).body("errorCode", equalTo(40014));
        Platform.send(second, Fixtures.text(PHONE, "新令牌")).statusCode(200).body("errorCode", equalTo(0));
    }

    @Test
    void aMissingTokenIsRefused() {
        given().urlEncodingEnabled(false).contentType(ContentType.JSON)
                .header("date", "Mon, 08 Jun 2026 11:42:20 GMT")
                .body(Fixtures.text(PHONE, "没有令牌"))
                .post(Platform.BASE + "/messages")
                .then().statusCode(401)
                .body("errorCode", equalTo(40014));
    }

    @Test
    void anExpiredTokenIsReportedAsExpired() {
        String token = Platform.token();
        given().post("/sim/token/expire").then().statusCode(204);

        Platform.send(token, Fixtures.text(PHONE, "过期")).statusCode(401).body("errorCode", equalTo(42001));
    }

    @Test
    void countsEveryTokenCall() {
        Platform.token();
        Platform.token();
        given().urlEncodingEnabled(false).contentType(ContentType.JSON)
                .body(Map.of("appId", "mh-demo-app", "appKey", "guessed"))
                .post(Platform.BASE + "/accessToken");

        int calls = given().get("/sim/stats").then().statusCode(200).extract().path("tokenCalls");
        assertThat(calls).isEqualTo(3);
    }
}
