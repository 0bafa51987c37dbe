package org.minhu.carrier;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minhu.carrier.outbox.OutboundMessage;
import org.minhu.carrier.outbox.OutboxRepository;
import org.minhu.testing.MockCarrier;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Settled;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The platform misbehaves for a while; every reply still reaches every phone, once, in order. */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class CarrierFaultsTest {

    @Inject
    OutboxRepository outbox;

    @AfterEach
    void calm() {
        MockCarrier.clearFaults();
    }

    private static long faults() {
        return ((Number) MockCarrier.stats().get("faultsInjected")).longValue();
    }

    @Test
    void afterThirtyPercentOfSendsFailEveryReplyArrivesOnceInOrder() {
        List<String> phones = IntStream.range(0, 8).mapToObj(i -> "tel:+86137333300" + (10 + i)).toList();
        long faultsBefore = faults();
        MockCarrier.faults(Map.of("failureRate", 0.3, "timeoutRate", 0.05, "timeoutMs", 2500));

        int perPhone = 3; // each 菜单 is answered with one menu card
        for (int round = 0; round < perPhone; round++) {
            for (String phone : phones) {
                MockCarrier.text(phone, "菜单");
            }
        }

        // the platform misbehaves for a while: until it has failed a few sends
        await("the platform to fail a few sends").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> faults() - faultsBefore >= 3);
        MockCarrier.clearFaults();

        Settled.await(phones);
        for (String phone : phones) {
            List<Map<String, Object>> shown = MockCarrier.botMessages(phone);
            List<String> shownIds = shown.stream().map(m -> (String) m.get("messageId")).toList();
            List<String> ourOrder = QuarkusTransaction.requiringNew()
                    .call(() -> outbox.forPhone(phone)).stream().map(OutboundMessage::getMessageId).toList();

            assertThat(shownIds).as("every reply to %s arrives", phone).hasSize(perPhone);
            assertThat(shownIds).as("once").doesNotHaveDuplicates();
            assertThat(shownIds).as("in the order the service wrote them").containsExactlyElementsOf(ourOrder);
        }
        assertThat(faults() - faultsBefore).as("the platform really did fail some sends").isPositive();
    }
}
