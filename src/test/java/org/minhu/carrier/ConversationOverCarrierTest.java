package org.minhu.carrier;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.carrier.inbound.InboundKind;
import org.minhu.carrier.inbound.InboundMessage;
import org.minhu.carrier.inbound.InboundMessageRepository;
import org.minhu.carrier.outbox.OutboundMessage;
import org.minhu.carrier.outbox.OutboundStatus;
import org.minhu.carrier.outbox.OutboxRepository;
import org.minhu.resident.Resident;
import org.minhu.resident.ResidentRepository;
import org.minhu.testing.MockCarrier;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Pushes;
import org.minhu.testing.Settled;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A resident's phone, played by the mock carrier, talking to the service over real HTTP. */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class ConversationOverCarrierTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    InboundMessageRepository inbound;

    @Inject
    OutboxRepository outbox;

    @Inject
    ResidentRepository residents;

    @SuppressWarnings("unchecked")
    private static List<String> chips(Map<String, Object> entry) {
        return ((List<Map<String, Object>>) entry.get("chips")).stream().map(c -> (String) c.get("displayText")).toList();
    }

    private List<InboundMessage> received(String phone) {
        return QuarkusTransaction.requiringNew().call(() -> inbound.forPhone(phone));
    }

    private List<OutboundMessage> sent(String phone) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.forPhone(phone));
    }

    private Resident resident(String phone) {
        return QuarkusTransaction.requiringNew().call(() -> residents.findByPhone(phone).orElseThrow());
    }

    @Test
    void aResidentWhoTextsGetsTheMenuCardAndCanTapItsChips() {
        String phone = "tel:+8613722220001";
        MockCarrier.text(phone, "你好");

        Settled.await(phone);
        List<Map<String, Object>> shown = MockCarrier.botMessages(phone);
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).get("kind")).isEqualTo("card");
        assertThat((String) shown.get(0).get("text")).contains("民呼");
        assertThat(chips(shown.get(0))).contains("我要反映", "我的诉求", "评价办理", "咨询问题", "转人工");

        MockCarrier.tap(phone, "我要反映");
        Settled.await(phone);
        List<Map<String, Object>> after = MockCarrier.botMessages(phone);
        assertThat(after).hasSize(3);
        assertThat(after.get(2).get("kind")).isEqualTo("carousel");
        InboundMessage tap = received(phone).get(1);
        assertThat(tap.getKind()).isEqualTo(InboundKind.SUGGESTION);
        assertThat(tap.getPostback()).isEqualTo("opt:menu:menu:file");
        assertThat(resident(phone).getCapability()).isEqualTo(Resident.Capability.RICH);
        assertThat(sent(phone)).extracting(OutboundMessage::getStatus)
                .allSatisfy(s -> assertThat(s).isNotIn(OutboundStatus.REJECTED, OutboundStatus.FAILED));
    }

    @Test
    void theSameMessagePushedThreeTimesIsAnsweredOnce() throws Exception {
        String phone = "tel:+8613722220002";
        String body = Pushes.fixtureFrom("inbound-text.json", phone);
        for (int i = 0; i < 3; i++) {
            assertThat(MockCarrier.raw(phone, body).jsonPath().getInt("status")).isEqualTo(204);
        }
        Settled.await(phone);
        assertThat(MockCarrier.botMessages(phone)).hasSize(1);
        assertThat(received(phone)).hasSize(1);
        assertThat(sent(phone)).hasSize(1);
    }

    @Test
    void aPhoneWithout5gMessagesGetsNumberedOptionsAndATypedNumberCountsAsATap() {
        String phone = "tel:+8613722220003";
        MockCarrier.setSmsOnly(phone, true);
        MockCarrier.text(phone, "你好");

        Settled.await(phone);
        List<Map<String, Object>> shown = MockCarrier.botMessages(phone);
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).get("kind")).isEqualTo("sms");
        assertThat((String) shown.get(0).get("text")).contains("回复1 我要反映", "回复5 转人工", "拨打热线：12345");

        MockCarrier.text(phone, "1");
        MockCarrier.awaitBotMessages(phone, 2, WAIT);
        InboundMessage typed = received(phone).get(1);
        assertThat(typed.getKind()).isEqualTo(InboundKind.SUGGESTION);
        assertThat(typed.isByNumber()).isTrue();
        assertThat(typed.getPostback()).isEqualTo("opt:menu:menu:file");
        assertThat(typed.getText()).isEqualTo("1");
        // learnt from the platform's deliveredToNetwork report, which may come after the reply is on the phone
        assertThat(capabilitySoon(phone, Resident.Capability.SMS_ONLY)).isEqualTo(Resident.Capability.SMS_ONLY);
    }

    /** The resident's capability once it is {@code expected}; the wait fails with what it is when time runs out. */
    private Resident.Capability capabilitySoon(String phone, Resident.Capability expected) {
        return await("capability of " + phone).atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> resident(phone).getCapability(), equalTo(expected));
    }

    @Test
    void aRichMessageThatFailsWithErrorCode2IsResentAsPlainText() {
        String phone = "tel:+8613722220004";
        MockCarrier.text(phone, "你好");
        MockCarrier.awaitBotMessages(phone, 1, WAIT);
        MockCarrier.tap(phone, "咨询问题");
        MockCarrier.awaitBotMessages(phone, 2, WAIT);
        assertThat(resident(phone).getCapability()).isEqualTo(Resident.Capability.RICH);

        MockCarrier.setSmsOnly(phone, true);
        MockCarrier.text(phone, "还在吗");

        // the rich reply is reported as not shown, and its SMS copy follows; then nothing more
        MockCarrier.awaitBotMessages(phone, 3, WAIT);
        Settled.await(phone);
        List<Map<String, Object>> shown = MockCarrier.botMessages(phone);
        assertThat(shown).hasSize(3);
        assertThat(shown.get(2).get("kind")).isEqualTo("sms");
        assertThat(resident(phone).getCapability()).isEqualTo(Resident.Capability.SMS_ONLY);
        List<OutboundMessage> rows = sent(phone);
        OutboundMessage failed = rows.stream().filter(m -> m.getStatus() == OutboundStatus.FAILED).findFirst().orElseThrow();
        OutboundMessage copy = rows.stream().filter(m -> m.getFallbackOf() != null).findFirst().orElseThrow();
        assertThat(copy.getFallbackOf()).isEqualTo(failed.getId());
        assertThat(shown.get(2).get("text")).isEqualTo(failed.getSmsContent());
        assertThat(rows).filteredOn(m -> m.getFallbackOf() != null).hasSize(1);
    }

    @Test
    void aTokenInvalidatedByThePlatformIsFetchedOnceMoreAndTheReplyStillArrives() {
        String phone = "tel:+8613722220005";
        MockCarrier.text(phone, "你好");
        MockCarrier.awaitBotMessages(phone, 1, WAIT);
        long before = ((Number) MockCarrier.stats().get("tokenCalls")).longValue();

        MockCarrier.stealToken();
        MockCarrier.text(phone, "菜单");

        Settled.await(phone);
        assertThat(MockCarrier.botMessages(phone)).hasSize(2);
        long after = ((Number) MockCarrier.stats().get("tokenCalls")).longValue();
        assertThat(after - before).as("our stolen fetch, then exactly one refresh by the service").isEqualTo(2);
    }

    @Inject
    org.minhu.carrier.outbox.Revocations revocations;

    @Test
    void aSentMessageCanBeRevokedAndThePhoneNoLongerShowsIt() {
        String phone = "tel:+8613722220006";
        MockCarrier.text(phone, "你好");
        MockCarrier.awaitBotMessages(phone, 1, WAIT);
        OutboundMessage sentMessage = sent(phone).get(0);

        revocations.revoke(sentMessage.getMessageId());

        await("the platform's revokeOk report").atMost(WAIT)
                .until(() -> sent(phone).get(0).getStatus(), equalTo(OutboundStatus.REVOKED));
        assertThat(MockCarrier.botMessages(phone).get(0).get("status")).isEqualTo("revoked");
    }

    @Test
    void aPhotoTheResidentSendsIsFetchedIntoMediaStorage() throws Exception {
        String phone = "tel:+8613722220007";
        byte[] jpeg = new byte[2048];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        MockCarrier.file(phone, "现场.jpg", "image/jpeg", jpeg);
        MockCarrier.awaitBotMessages(phone, 1, WAIT);

        InboundMessage photo = received(phone).get(0);
        assertThat(photo.getKind()).isEqualTo(InboundKind.FILE);
        assertThat(photo.getMediaError()).isNull();
        assertThat(photo.getMediaPath()).isNotNull();
        java.nio.file.Path stored = java.nio.file.Path.of("target/test-data/media").resolve(photo.getMediaPath());
        assertThat(java.nio.file.Files.readAllBytes(stored)).isEqualTo(jpeg);
    }
}
