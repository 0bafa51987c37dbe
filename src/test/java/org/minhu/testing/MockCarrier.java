package org.minhu.testing;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The mock carrier's scripting API, as tests use it: act as a resident and read what their phone shows. */
public final class MockCarrier {

    static volatile String base;

    private MockCarrier() {
    }

    public static String base() {
        return base;
    }

    private static RequestSpecification api() {
        return given().baseUri(base).urlEncodingEnabled(false).contentType(ContentType.JSON);
    }

    private static String phone(String phone) {
        return URLEncoder.encode(phone, StandardCharsets.UTF_8);
    }

    public static Map<String, Object> text(String phone, String text) {
        return api().body(Map.of("text", text)).post("/sim/phones/" + phone(phone) + "/text")
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    public static Map<String, Object> tap(String phone, String displayText) {
        return api().body(Map.of("text", displayText)).post("/sim/phones/" + phone(phone) + "/tap")
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    public static Map<String, Object> tapPostback(String phone, String postback) {
        return api().body(Map.of("postback", postback)).post("/sim/phones/" + phone(phone) + "/tap")
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    public static Map<String, Object> location(String phone, double latitude, double longitude, String label) {
        return api().body(Map.of("latitude", latitude, "longitude", longitude, "label", label))
                .post("/sim/phones/" + phone(phone) + "/location")
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    public static Map<String, Object> file(String phone, String fileName, String contentType, byte[] bytes) {
        return api().body(Map.of("fileName", fileName, "contentType", contentType,
                        "base64", java.util.Base64.getEncoder().encodeToString(bytes)))
                .post("/sim/phones/" + phone(phone) + "/file")
                .then().statusCode(200).extract().jsonPath().getMap("");
    }

    /** Pushes a body as it is, freshly signed, the way a platform re-delivers a message. */
    public static Response raw(String phone, String body) {
        return api().body(body).post("/sim/phones/" + phone(phone) + "/raw");
    }

    public static List<Map<String, Object>> transcript(String phone) {
        return api().get("/sim/phones/" + phone(phone) + "/transcript")
                .then().statusCode(200).extract().jsonPath().getList("");
    }

    public static List<Map<String, Object>> botMessages(String phone) {
        return transcript(phone).stream().filter(e -> "bot".equals(e.get("from"))).toList();
    }

    /** Waits until the phone shows at least {@code count} bot messages, and returns them; fails when they do not come in time. */
    public static List<Map<String, Object>> awaitBotMessages(String phone, int count, Duration timeout) {
        return Awaitility.await(count + " bot messages on " + phone).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> botMessages(phone), seen -> seen.size() >= count);
    }

    public static void setSmsOnly(String phone, boolean smsOnly) {
        api().body(Map.of("smsOnly", smsOnly)).put("/sim/phones/" + phone(phone) + "/mode").then().statusCode(200);
    }

    public static void faults(Map<String, Object> faults) {
        api().body(faults).put("/sim/faults").then().statusCode(200);
    }

    public static void clearFaults() {
        api().delete("/sim/faults").then().statusCode(200);
    }

    public static Map<String, Object> stats() {
        return api().get("/sim/stats").then().statusCode(200).extract().jsonPath().getMap("");
    }

    /** Fetches a token the way the chatbot does, which invalidates the chatbot's current one. */
    public static void stealToken() {
        api().body(Map.of("appId", "mh-demo-app", "appKey", "mh-demo-key"))
                .post("/bot/v1/" + URLEncoder.encode("sip:12345@botplatform.rcs.example.cn", StandardCharsets.UTF_8)
                        + "/accessToken")
                .then().statusCode(200);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
