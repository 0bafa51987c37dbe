package org.minhu.mockcarrier.push;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minhu.mockcarrier.support.FakeChatbot;
import org.minhu.mockcarrier.support.Platform;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Pushes beyond the platform's connections to the chatbot wait their turn, and each one still arrives once. */
@QuarkusTest
@TestProfile(QueuedPushesTest.OneAtATime.class)
class QueuedPushesTest {

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mock.push-concurrency", "1");
        }
    }

    @Inject
    FakeChatbot chatbot;

    @BeforeEach
    void reset() {
        Platform.resetAndPointAtFakeChatbot(RestAssured.port, chatbot);
    }

    @Test
    void thirtyResidentsWritingAtOnceThroughOneConnectionAreEachPushedOnce() {
        List<String> typed = IntStream.rangeClosed(1, 30).mapToObj(i -> "第" + i + "位居民的消息").toList();
        ExecutorService residents = Executors.newFixedThreadPool(typed.size());
        try {
            // thirty phones writing at the same moment: twenty-nine pushes wait for the one connection
            CompletableFuture.allOf(IntStream.range(0, typed.size()).mapToObj(i -> CompletableFuture.runAsync(() -> given()
                    .contentType(ContentType.JSON).body(Map.of("text", typed.get(i)))
                    .post("/sim/phones/tel:+861380000%04d/text".formatted(400 + i))
                    .then().statusCode(200), residents)).toArray(CompletableFuture[]::new)).join();
        } finally {
            residents.shutdown();
        }

        chatbot.await(c -> c.messages().size() >= typed.size());
        List<String> pushed = chatbot.messages().stream()
                .map(push -> push.body().path("messageList").get(0).path("contentText").asText())
                .toList();
        assertThat(pushed).containsExactlyInAnyOrderElementsOf(typed);
    }
}
