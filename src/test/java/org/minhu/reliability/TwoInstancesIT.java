package org.minhu.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances behind one address share the load, each push going to either: per-resident
 * order and exactly one reply still hold, also when each message is delivered to both, and when
 * one instance is killed with SIGKILL halfway and started again.
 */
class TwoInstancesIT {

    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = Stack.pair("pair", Map.of());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void twoInstancesKeepEveryGuaranteeAndCoverForEachOther() {
        int perMenu = stack.repliesTo("tel:+8613751999999", "菜单");
        Ledger ledger = new Ledger();
        Load load = new Load(Residents.phones(51, 20), 12, 1500, (phone, i) -> {
            if (i % 2 == 0) {
                ledger.record(stack.platform.text(phone, "菜单"), phone);
            } else {
                deliverToBoth(phone, ledger);
            }
        });

        load.awaitShare(0.25);
        Minhu b = stack.instances.get(1);
        b.kill();
        int sentAtKill = load.sent();
        Http.sleep(1000);
        b.start();
        int sentAtRestart = load.sent();
        load.join();

        Tally tally = Tally.of("two-instances", ledger, stack.db, stack.platform, perMenu, null, Duration.ofSeconds(60));
        Minhu a = stack.instances.get(0);
        long tokenCalls = stack.platform.stat("tokenCalls");
        tally.print("b-killed-after=" + sentAtKill + " b-back-after=" + sentAtRestart
                + " signals-sent a=" + (long) a.metric("minhu_messaging_signals_total", "direction=\"sent\"")
                + " b=" + (long) b.metric("minhu_messaging_signals_total", "direction=\"sent\"")
                + " dropped a=" + (long) a.metric("minhu_messaging_signals_total", "direction=\"dropped\"")
                + " b=" + (long) b.metric("minhu_messaging_signals_total", "direction=\"dropped\"")
                + " received a=" + (long) a.metric("minhu_messaging_signals_total", "direction=\"received\"")
                + " b=" + (long) b.metric("minhu_messaging_signals_total", "direction=\"received\"")
                + " takeovers a=" + (long) a.metric("minhu_messaging_takeovers_total", null)
                + " token-calls=" + tokenCalls);
        tally.assertEveryAnsweredMessageRepliedOnceInOrder();
        List<Long> heard = stack.signalsHeardByEveryInstance(Residents.phones(52, 1).get(0), Duration.ofSeconds(30));
        System.out.printf("RELIABILITY %-22s signals heard afterwards, a and the restarted b: %s%n", "", heard);
        assertThat(heard).as("each instance hears the other's signals over RabbitMQ").allMatch(n -> n > 0);
        assertThat(tokenCalls).as("three starts share one access token instead of revoking each other's")
                .isLessThanOrEqualTo(2);
    }

    /** The same push twice at once: the round robin hands one copy to each instance. */
    private static void deliverToBoth(String phone, Ledger ledger) {
        String messageId = UUID.randomUUID().toString();
        String push = Residents.textPush(messageId, phone, "菜单");
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> stack.platform.raw(phone, push));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> stack.platform.raw(phone, push));
        ledger.record(phone, messageId, one.join());
        ledger.record(phone, messageId, two.join());
    }
}
