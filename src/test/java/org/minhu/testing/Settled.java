package org.minhu.testing;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.awaitility.Awaitility;
import org.minhu.carrier.inbound.InboundMessageRepository;
import org.minhu.carrier.outbox.OutboundStatus;
import org.minhu.carrier.outbox.OutboxRepository;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The proof that the service has finished with a resident, read from its own database: every message
 * the resident sent is handled, and every message written to them is in the platform's hands (the mock
 * carrier puts a message on the phone as it accepts it). A turn writes its answers in the transaction
 * that marks the message handled, and a case update in the transaction of the change, so once this
 * holds nothing more is on its way to the phone: wait for it before checking that something did NOT
 * arrive, and a slow duplicate cannot slip past the check. For tests that run inside the service's
 * application.
 *
 * <p>One thing comes later: the SMS copy of a rich message that the platform reports, after accepting
 * it, as not shown (a phone that lost 5G Messages). A test of that waits for the copy itself first.
 */
public final class Settled {

    public static final Duration LIMIT = Duration.ofSeconds(60);

    private Settled() {
    }

    /** Waits until the service has finished with each of these residents (tel URIs, as the service keeps them). */
    public static void await(String... phones) {
        await(List.of(phones));
    }

    public static void await(List<String> phones) {
        Awaitility.await("the service to finish with " + phones)
                .atMost(LIMIT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> phones.stream().allMatch(Settled::settled));
    }

    public static boolean settled(String phone) {
        InboundMessageRepository inbound = Arc.container().instance(InboundMessageRepository.class).get();
        OutboxRepository outbox = Arc.container().instance(OutboxRepository.class).get();
        return QuarkusTransaction.requiringNew().call(() ->
                inbound.count("phone = ?1 and processedAt is null", phone) == 0
                        && outbox.count("phone = ?1 and status in ?2", phone,
                        Arrays.stream(OutboundStatus.values()).filter(OutboundStatus::waiting).toList()) == 0);
    }
}
