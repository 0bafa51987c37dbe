package org.minhu.resident;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.testing.MockCarrierResource;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery report teaches the phone's capability while the resident's turn saves where the
 * conversation stands. Neither may write back what it read before the other committed: the
 * resident would otherwise find the bot back at the menu after answering a question.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class ResidentUpdatesDoNotOverwriteTest {

    @Inject
    ResidentRepository residents;

    @Test
    void aCapabilityLearnedBesideATurnKeepsTheTurnsConversationState() throws Exception {
        String phone = "tel:+8613722229901";
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            residents.ensureExists(phone, null, now);
            residents.findByPhone(phone).orElseThrow().saveConversation("{\"at\":\"menu\"}", "zh-CN", now);
        });

        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch turnSaved = new CountDownLatch(1);
        CompletableFuture<Void> report = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            Resident stale = residents.findByPhone(phone).orElseThrow();
            read.countDown();
            await(turnSaved);
            stale.learnCapability(Resident.Capability.SMS_ONLY, 1L, now);
        }));

        assertThat(read.await(10, TimeUnit.SECONDS)).isTrue();
        QuarkusTransaction.requiringNew().run(() -> {
            // as a turn does (TurnService)
            Resident turns = residents.lockForTurn(phone).orElseThrow();
            turns.saveConversation("{\"at\":\"question\"}", "zh-CN", now);
            residents.writeTurn(turns);
        });
        turnSaved.countDown();
        report.get(10, TimeUnit.SECONDS);

        Resident after = QuarkusTransaction.requiringNew().call(() -> residents.findByPhone(phone).orElseThrow());
        assertThat(after.getConversationState()).isEqualTo("{\"at\":\"question\"}");
        assertThat(after.getCapability()).isEqualTo(Resident.Capability.SMS_ONLY);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
