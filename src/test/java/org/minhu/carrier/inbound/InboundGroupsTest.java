package org.minhu.carrier.inbound;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.common.GroupCommit.Outcome;
import org.minhu.common.ProblemException;
import org.minhu.testing.MockCarrierResource;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Residents' messages stored a group of pushes at a time: each push still stands or falls on its own. */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class InboundGroupsTest {

    @Inject
    InboundStore store;

    @Inject
    InboundMessageRepository inbound;

    @Test
    void aGroupStoresEachMessageOnceAndRefusesOnlyTheReplay() {
        String phone = "tel:+8618886" + String.format("%06d", (int) (Math.random() * 1_000_000));
        String nonce = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String replayed = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();

        List<Outcome<InboundStore.Outcome>> outcomes = store.storeAll(List.of(
                arrival(first, phone, "第一条", nonce),
                arrival(replayed, phone, "同一个 nonce", nonce),
                arrival(first, phone, "同一个 messageId 又来了", UUID.randomUUID().toString()),
                arrival(third, phone, "第三条", UUID.randomUUID().toString())));

        assertThat(outcomes.get(0).value()).isEqualTo(InboundStore.Outcome.STORED);
        assertThat(outcomes.get(1).error()).isInstanceOf(ProblemException.class).hasMessageContaining("nonce");
        assertThat(outcomes.get(2).value()).as("a messageId stored earlier in the group").isEqualTo(InboundStore.Outcome.DUPLICATE);
        assertThat(outcomes.get(3).value()).isEqualTo(InboundStore.Outcome.STORED);
        List<String> texts = QuarkusTransaction.requiringNew().call(() -> inbound.forPhone(phone).stream()
                .map(InboundMessage::getText).toList());
        assertThat(texts).as("the resident, new to the service, created once, and their two messages")
                .containsExactlyInAnyOrder("第一条", "第三条");
    }

    private static InboundStore.Arrival arrival(String messageId, String phone, String text, String nonce) {
        return new InboundStore.Arrival(new InboundPush(messageId, phone, "c-" + phone, "k-" + messageId, null,
                "2026-06-08T19:42:20.840+08:00", InboundKind.TEXT, "text/plain", text, null, null, null, null, null,
                null, "{}"), nonce);
    }
}
