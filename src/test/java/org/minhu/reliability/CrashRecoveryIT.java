package org.minhu.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service is killed with SIGKILL in the middle of a load and started again: every push that
 * got 204 is handled and every reply is sent, once. Pushes made while it is down are not answered
 * (the platform gives up after its re-deliveries), and are counted as such.
 */
class CrashRecoveryIT {

    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = Stack.single("crash", Map.of());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void killedMidLoadAndRestartedEveryAnsweredPushIsRepliedToOnce() {
        int perMenu = stack.repliesTo("tel:+8613721999999", "菜单");
        Ledger ledger = new Ledger();
        Load load = new Load(Residents.phones(21, 20), 10, 1000,
                (phone, i) -> ledger.record(stack.platform.text(phone, "菜单"), phone));

        load.awaitShare(0.3);
        int sentAtKill = load.sent();
        stack.minhu().kill();
        assertThat(stack.minhu().alive()).isFalse();
        Http.sleep(1000);
        long restartedAt = System.nanoTime();
        stack.minhu().start();
        long restartMillis = (System.nanoTime() - restartedAt) / 1_000_000;
        load.join();

        Tally tally = Tally.of("sigkill-restart", ledger, stack.db, stack.platform, perMenu, null, Duration.ofSeconds(60))
                .print("killed-after=" + sentAtKill + " restart-ms=" + restartMillis
                        + " duplicate-sends-refused-by-platform=" + stack.platform.stat("duplicateSends"));
        assertThat(sentAtKill).as("killed in the middle of the load").isBetween(1, (int) tally.sent - 1);
        tally.assertEveryAnsweredMessageRepliedOnceInOrder();
    }
}
