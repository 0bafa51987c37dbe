package org.minhu.mockcarrier.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minhu.mockcarrier.support.FakeChatbot;
import org.minhu.mockcarrier.support.Fixtures;
import org.minhu.mockcarrier.support.Platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class FaultInjectionTest {

    private static final String PHONE = "tel:+8613800000401";

    @Inject
    FakeChatbot chatbot;

    private String token;

    @BeforeEach
    void reset() {
        Platform.resetAndPointAtFakeChatbot(RestAssured.port, chatbot);
        token = Platform.token();
    }

    @AfterEach
    void noFaults() {
        given().delete("/sim/faults").then().statusCode(200);
    }

    @Test
    void aFailureRateOfOneRefusesEverySendAsBusyOrInternalError() {
        faults(Map.of("failureRate", 1.0));

        Set<Integer> codes = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            ExtractableResponse<Response> answer = Platform.send(token, Fixtures.text(PHONE, "第" + i + "次").toString())
                    .extract();
            int code = answer.path("errorCode");
            assertThat(answer.statusCode()).isEqualTo(code == -1 ? 503 : 500);
            codes.add(code);
        }

        assertThat(codes).isSubsetOf(-1, -2).isNotEmpty();
        assertThat(given().get("/sim/phones/" + PHONE + "/transcript").then().extract().jsonPath().getList("$"))
                .isEmpty();
        assertThat(given().get("/sim/stats").then().extract().<Integer>path("faultsInjected")).isEqualTo(12);
    }

    @Test
    void faultsSwitchThemselvesOffAfterTheirDuration() {
        // long enough for the first send to meet the fault on a busy machine; the end is waited for, not slept
        faults(Map.of("failureRate", 1.0, "durationMs", 2_000));
        Platform.send(token, Fixtures.text(PHONE, "故障中").toString()).statusCode(anyOf(equalTo(500), equalTo(503)));

        await("the faults to lapse").atMost(Duration.ofSeconds(10))
                .until(() -> given().get("/sim/faults").then().extract().<Float>path("failureRate"), equalTo(0.0f));

        Platform.send(token, Fixtures.text(PHONE, "恢复了").toString()).statusCode(200);
        given().get("/sim/faults").then().body("failureRate", equalTo(0.0f)).body("remainingMs", equalTo(0));
    }

    @Test
    void aTimedOutSendIsStillDeliveredAndARetryIsNotDeliveredAgain() {
        faults(Map.of("timeoutRate", 1.0, "timeoutMs", 300));
        String body = Fixtures.text(PHONE, "超时但送达").toString();

        long started = System.nanoTime();
        Platform.send(token, body).statusCode(200);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
        Platform.send(token, body).statusCode(200);

        List<String> texts = given().get("/sim/phones/" + PHONE + "/transcript").then().extract().jsonPath()
                .getList("text");
        assertThat(texts).containsExactly("超时但送达");
    }

    @Test
    void refusesSendsOverThePerSecondQuota() {
        faults(Map.of("quotaPerSecond", 1));

        // sent at once, so that several fall within one second even on a busy machine
        ExecutorService senders = Executors.newFixedThreadPool(10);
        List<Integer> statuses;
        try {
            List<CompletableFuture<Integer>> sending = IntStream.range(0, 10)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> Platform.send(token,
                            Fixtures.text(PHONE, "限流" + i).toString()).extract().statusCode(), senders))
                    .toList();
            statuses = sending.stream().map(CompletableFuture::join).toList();
        } finally {
            senders.shutdown();
        }

        assertThat(statuses).contains(200, 429).containsOnly(200, 429);
        assertThat(given().get("/sim/stats").then().extract().<Map<String, Integer>>path("sendsRejected"))
                .containsKey("30003");
    }

    @Test
    void refusesAFailureRateAboveOne() {
        given().contentType(ContentType.JSON).body(Map.of("failureRate", 1.5)).put("/sim/faults")
                .then().statusCode(400);
    }

    private static void faults(Map<String, Object> settings) {
        given().contentType(ContentType.JSON).body(settings).put("/sim/faults").then().statusCode(200);
    }
}
