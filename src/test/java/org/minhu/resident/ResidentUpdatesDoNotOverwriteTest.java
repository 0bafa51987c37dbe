package org.minhu.resident;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.minhu.carrier.outbox.Outbox;
import org.minhu.outbound.BotMessage;
import org.minhu.outbound.Chip;
import org.junit.jupiter.api.Test;
import org.minhu.testing.MockCarrierResource;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery report teaches the phone's capability while the resident's turn saves where the
 * conversation stands. Neither may write back what it read before the other committed: the
 * resident would otherwise find the bot back at the menu after answering a question. And what code
 * the turn calls changes on the resident is written with the turn, in the order it was made.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class ResidentUpdatesDoNotOverwriteTest {

    @Inject
    ResidentRepository residents;

    @Inject
    Outbox outbox;

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

    @Test
    void whatCodeCalledDuringATurnChangesIsWrittenWithTheTurnInTheOrderItWasMade() {
        String phone = "tel:+8613722229902";
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> residents.ensureExists(phone, null, now));

        QuarkusTransaction.requiringNew().run(() -> {
            Resident turns = residents.lockForTurn(phone).orElseThrow();
            // what the hand-off action and a card about the resident's case (ResidentUpdates) do during the turn
            Resident current = residents.current(phone).orElseThrow();
            assertThat(current).isSameAs(turns);
            current.handOver(true, now);
            outbox.enqueue(current, BotMessage.text("您的诉求有新进展", Chip.reply("查看进度", "case:MH-1:progress")), null, null);
            // then the turn's own reply, which offers nothing to type a number for
            outbox.enqueueAll(turns, List.of(BotMessage.text("好的")), null, null);
            residents.writeTurn(turns);
        });

        Resident after = QuarkusTransaction.requiringNew().call(() -> residents.findByPhone(phone).orElseThrow());
        assertThat(after.isWithAgent()).isTrue();
        assertThat(after.getSmsOptions()).as("a typed 1 means what the last message offered: nothing").isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> residents.current(phone)).orElseThrow())
                .as("outside a turn, the entity").isNotSameAs(after).extracting(Resident::getId).isEqualTo(after.getId());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
