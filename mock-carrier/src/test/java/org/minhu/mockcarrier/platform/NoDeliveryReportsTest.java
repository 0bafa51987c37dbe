package org.minhu.mockcarrier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minhu.mockcarrier.support.FakeChatbot;
import org.minhu.mockcarrier.support.Fixtures;
import org.minhu.mockcarrier.support.Platform;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** A platform configured to push no delivery reports (bench/run measures turns this way too). */
@QuarkusTest
@TestProfile(NoDeliveryReportsTest.Profile.class)
class NoDeliveryReportsTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mock.delivery-reports", "false");
        }
    }

    private static final String PHONE = "tel:+8613800000391";

    @Inject
    FakeChatbot chatbot;

    private String token;

    @BeforeEach
    void reset() {
        Platform.resetAndPointAtFakeChatbot(RestAssured.port, chatbot);
        token = Platform.token();
    }

    @Test
    void theMessageIsShownButNoReportIsPushed() {
        ObjectNode card = Fixtures.outbound("outbound-card-with-chips.json", PHONE);
        String messageId = card.path("messageId").asText();

        Platform.send(token, card.toString()).statusCode(200);

        chatbot.await(c -> "displayed".equals(status()));
        // the resident's next message is pushed only after the last report would have been: once it is
        // there, every push about the card that was coming has come
        given().contentType(ContentType.JSON).body(Map.of("text", "收到")).post("/sim/phones/" + PHONE + "/text")
                .then().statusCode(200);
        chatbot.await(c -> !c.messages().isEmpty());
        assertThat(chatbot.pushes()).as("no delivery report at all")
                .noneMatch(p -> p.body().toString().contains(messageId))
                .noneMatch(p -> p.body().has("deliveryInfoList"));
    }

    private static String status() {
        List<String> statuses = SendValidationTest.transcript(PHONE).getList("status");
        return statuses.isEmpty() ? null : statuses.get(0);
    }
}
