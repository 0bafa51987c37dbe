package org.minhu.reliability;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.carrier.inbound.InboundMessage;
import org.minhu.carrier.inbound.InboundMessageRepository;
import org.minhu.carrier.outbox.OutboxRepository;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Phone;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The malformed-push corpus against the embedded default (H2): no push gets a 5xx, nothing that
 * should be refused is stored, what is odd but valid is stored once and answered, and the service
 * goes on answering residents. {@code MalformedPushesIT} runs the same corpus against PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class MalformedPushesTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    InboundMessageRepository inbound;

    @Inject
    OutboxRepository outbox;

    @Test
    void noMalformedPushBreaksTheServiceOrIsStoredWhenItShouldNotBe() {
        String base = root.toString().replaceAll("/$", "");
        List<MalformedCorpus.Entry> corpus = MalformedCorpus.entries();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);

        List<String> wrong = new ArrayList<>();
        List<MalformedCorpus.Entry> stored = new ArrayList<>();
        for (MalformedCorpus.Entry entry : corpus) {
            long before = count();
            int status = MalformedCorpus.push(base, entry);
            long after = count();
            if (entry.stored()) {
                if (status != 204 || after != before + 1 || !storedOnce(entry.messageId())) {
                    wrong.add(entry + ": " + status + ", stored " + (after - before));
                }
                stored.add(entry);
            } else if (status < 400 || status >= 500 || after != before) {
                wrong.add(entry + ": " + status + ", stored " + (after - before));
            }
        }
        assertThat(wrong).as("pushes not treated as the corpus says").isEmpty();

        for (MalformedCorpus.Entry entry : stored) {
            await(entry + " answered").atMost(Duration.ofSeconds(30)).until(() -> answered(entry.messageId()));
        }
        assertThat(Phone.all(new Phone("tel:+8613600999999").send("菜单")))
                .as("a normal message is still answered afterwards").isNotBlank();
    }

    private long count() {
        return QuarkusTransaction.requiringNew().call(() -> inbound.count());
    }

    private boolean storedOnce(String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> inbound.count("messageId", messageId)) == 1;
    }

    /** Handled, with at least one reply written. */
    private boolean answered(String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            InboundMessage m = inbound.find("messageId", messageId).firstResult();
            return m.getProcessedAt() != null && outbox.count("causeInboundId", m.getId()) > 0;
        });
    }
}
