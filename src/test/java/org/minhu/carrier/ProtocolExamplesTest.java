package org.minhu.carrier;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.minhu.carrier.inbound.InboundKind;
import org.minhu.carrier.inbound.InboundMessage;
import org.minhu.carrier.inbound.InboundMessageRepository;
import org.minhu.testing.MockCarrier;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Settled;
import org.minhu.testing.Pushes;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Each example of the protocol folder (docs/protocol/), pushed as the platform would, is accepted and understood. */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class ProtocolExamplesTest {

    @Inject
    InboundMessageRepository inbound;

    @Inject
    EntityManager em;

    private InboundMessage pushFixture(String fixture, String phone) {
        Pushes.signed().body(Pushes.fixtureFrom(fixture, phone)).post(Pushes.MESSAGES).then().statusCode(204);
        return QuarkusTransaction.requiringNew().call(() -> inbound.forPhone(phone).get(0));
    }

    @Test
    void text() {
        InboundMessage message = pushFixture("inbound-text.json", "tel:+8613711110001");
        assertThat(message.getKind()).isEqualTo(InboundKind.TEXT);
        assertThat(message.getText()).isEqualTo("小区门口的路灯坏了一个多月了");
        assertThat(message.getConversationId()).isEqualTo("c-7f3a9e60-0b7b-4d2a-9a57-3f1c2b6f0a11");

        Settled.await("tel:+8613711110001");
        assertThat(MockCarrier.botMessages("tel:+8613711110001")).as("the resident gets one answer on their phone").hasSize(1);
    }

    @Test
    void suggestionResponse() {
        InboundMessage message = pushFixture("inbound-suggestion-response.json", "tel:+8613711110002");
        assertThat(message.getKind()).isEqualTo(InboundKind.SUGGESTION);
        assertThat(message.getDisplayText()).isEqualTo("我要反映");
        assertThat(message.getPostback()).isEqualTo("menu:file");
    }

    @Test
    void location() {
        InboundMessage message = pushFixture("inbound-location.json", "tel:+8613711110003");
        assertThat(message.getKind()).isEqualTo(InboundKind.LOCATION);
        assertThat(message.getLatitude()).isEqualTo(22.6531);
        assertThat(message.getLongitude()).isEqualTo(114.0612);
        assertThat(message.getPlaceLabel()).isEqualTo("第五园三期北门");
    }

    @Test
    void fileIsUnderstoodEvenWhenItsUrlCannotBeFetched() {
        InboundMessage message = pushFixture("inbound-file.json", "tel:+8613711110004");
        assertThat(message.getKind()).isEqualTo(InboundKind.FILE);
        assertThat(message.getFileName()).isEqualTo("DSC_0379.JPG");
        assertThat(message.getFileType()).isEqualTo("image/jpeg");
        assertThat(message.getFileSize()).isEqualTo(183524L);

        assertThat(MockCarrier.awaitBotMessages("tel:+8613711110004", 1, Duration.ofSeconds(20)))
                .as("the resident still gets an answer").isNotEmpty();
        InboundMessage after = QuarkusTransaction.requiringNew().call(() -> inbound.findById(message.getId()));
        assertThat(after.getMediaError()).isNotBlank();
        assertThat(after.getMediaPath()).isNull();
    }

    @Test
    void deliveryStatusReportsAreRecorded() {
        long before = countEvents("AC6A9C00-78C8-4BCC-9845-0F3BDCBE45EE");
        Pushes.signed().body(Pushes.fixture("delivery-status.json")).post(Pushes.STATUS).then().statusCode(204);
        assertThat(countEvents("AC6A9C00-78C8-4BCC-9845-0F3BDCBE45EE")).isEqualTo(before + 2);
        assertThat(countEvents("4566A9C0-5562-4BCC-9845-0F3BDCBE4FEF")).isPositive();
    }

    @Test
    void aNoticeIsAccepted() {
        Pushes.signed().body("{\"chatbotId\":\"sip:12345@botplatform.rcs.example.cn\",\"status\":\"online\"}")
                .post("/5gmsg/notifyInfoNotification/" + Pushes.CHATBOT + "/notice/informationChange")
                .then().statusCode(204);
        Pushes.signed().body("{}").post("/5gmsg/notifyInfoNotification/" + Pushes.CHATBOT + "/notice/whatever")
                .then().statusCode(404);
    }

    private long countEvents(String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from delivery_event where message_id = ?1")
                .setParameter(1, messageId).getSingleResult()).longValue());
    }
}
