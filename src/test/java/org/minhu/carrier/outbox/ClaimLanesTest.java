package org.minhu.carrier.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.minhu.outbound.BotMessage;
import org.minhu.pipeline.HotPathBudgetTest;
import org.minhu.testing.MockCarrierResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A resident who writes while a notice goes out gets their reply ahead of the notice's backlog, and
 * nobody's own messages change order. The messages are queued an hour ahead and claimed as of then,
 * so the running sender leaves them alone; the profile's database is its own (HotPathBudgetTest's),
 * shared with no test that leaves messages waiting.
 */
@QuarkusTest
@TestProfile(HotPathBudgetTest.Counting.class)
@QuarkusTestResource(MockCarrierResource.class)
class ClaimLanesTest {

    private static final String PREFIX = "tel:+8617755";

    @Inject
    Outbox outbox;

    @Inject
    OutboxClaims claims;

    @Inject
    EntityManager em;

    private static String phone(int i) {
        return PREFIX + String.format("%06d", i);
    }

    @Test
    void aMessageThatIsNotBulkIsClaimedAheadOfANoticeQueuedBeforeItButNotAheadOfItsResidentsOwnAndBulkKeepsToItsLimit() {
        await("nothing else waiting in the outbox").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from outbound_message where status in ('PENDING', 'SENDING')") == 0);
        Instant later = Instant.now().plus(Duration.ofHours(1));
        String staff = phone(999);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.enqueueAll(IntStream.range(0, 20).mapToObj(i -> new Outbox.Addressee(0, phone(i), "c-" + i)).toList(),
                        BotMessage.text("明日 9:00–17:00 停水"), "zh", false);
                outbox.enqueueStaffText(staff, "工单 A-1 即将超时");
                outbox.enqueueStaffText(phone(0), "您的诉求已受理");
                em.createNativeQuery("update outbound_message set next_attempt_at = ?1 where phone like ?2")
                        .setParameter(1, later).setParameter(2, PREFIX + "%").executeUpdate();
            });

            List<OutboxClaims.Claimed> first = QuarkusTransaction.requiringNew()
                    .call(() -> claims.claim(5, 2, later.plusSeconds(1)));
            assertThat(first).extracting(OutboxClaims.Claimed::phone)
                    .as("the staff text, queued after the notice, first; then the notice's oldest, two as the bulk limit allows")
                    .containsExactly(staff, phone(0), phone(1));
            assertThat(first).extracting(OutboxClaims.Claimed::bulk).containsExactly(false, true, true);

            List<OutboxClaims.Claimed> rest = QuarkusTransaction.requiringNew()
                    .call(() -> claims.claim(100, 100, later.plusSeconds(2)));
            assertThat(rest).extracting(OutboxClaims.Claimed::phone)
                    .as("the notice's other residents; the resident whose notice is still on its way waits for it")
                    .containsExactlyElementsOf(IntStream.range(2, 20).mapToObj(ClaimLanesTest::phone).toList());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from outbound_message where phone like ?1")
                    .setParameter(1, PREFIX + "%").executeUpdate());
        }
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
