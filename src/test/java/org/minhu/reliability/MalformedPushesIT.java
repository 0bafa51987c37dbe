package org.minhu.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The malformed-push corpus against the production build on PostgreSQL, which is stricter than
 * H2 about what text it keeps: no 5xx, nothing stored that should not be, what is odd but valid is
 * stored and answered, and the service keeps answering.
 */
class MalformedPushesIT {

    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = Stack.single("malformed", Map.of());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void noMalformedPushBreaksTheServiceOnPostgres() {
        List<MalformedCorpus.Entry> corpus = MalformedCorpus.entries();
        List<String> wrong = new ArrayList<>();
        long storedExpected = 0;
        for (MalformedCorpus.Entry entry : corpus) {
            long before = inbound();
            int status = MalformedCorpus.push(stack.minhu().base(), entry);
            long after = inbound();
            boolean ok = entry.stored()
                    ? status == 204 && after == before + 1
                    && stack.db.count("select count(*) from inbound_message where message_id = '" + entry.messageId() + "'") == 1
                    : status >= 400 && status < 500 && after == before;
            if (!ok) {
                wrong.add(entry + ": " + status + ", stored " + (after - before));
            }
            storedExpected += entry.stored() ? 1 : 0;
        }
        Tally.awaitQuiet(stack.db, Duration.ofSeconds(60));
        long answered = stack.db.count("select count(*) from inbound_message i where i.processed_at is not null"
                + " and exists (select 1 from outbound_message o where o.cause_inbound_id = i.id)");
        Platform.Push normal = stack.platform.text("tel:+8613600999999", "菜单");
        System.out.printf("RELIABILITY %-22s pushes=%d refused=%d stored=%d answered=%d wrong=%d normal-push-after=%d%n",
                "malformed-corpus", corpus.size(), corpus.size() - storedExpected, inbound(), answered, wrong.size(),
                normal.status());
        wrong.stream().limit(20).forEach(w -> System.out.println("RELIABILITY   " + w));

        assertThat(wrong).as("pushes not treated as the corpus says").isEmpty();
        assertThat(answered).as("every stored push was answered").isEqualTo(storedExpected);
        assertThat(normal.answered()).as("a normal push still works").isTrue();
        Tally.awaitQuiet(stack.db, Duration.ofSeconds(20));
        assertThat(stack.platform.botMessages("tel:+8613600999999")).as("and is answered").isNotEmpty();
    }

    private static long inbound() {
        return stack.db.count("select count(*) from inbound_message");
    }
}
