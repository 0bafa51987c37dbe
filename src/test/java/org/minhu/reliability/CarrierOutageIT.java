package org.minhu.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform fails 30 % of sends, then for a while answers none in time (the minute is
 * shortened to 20 s to keep CI short): for the first 6 s every send fails, then 30 % fail at once
 * and the rest time out, though the platform accepts and delivers those (their delivery reports
 * then tell us so, and they are not sent again). Staff see the replies piling up while it lasts;
 * afterwards every reply has arrived, once, in order.
 */
class CarrierOutageIT {

    private static final int OUTAGE_MS = 20_000;
    private static final int DOWN_MS = 6_000;
    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = Stack.single("outage", Map.of("MINHU_OPERATIONS_SEND_DELAY_ALERT", "3s"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.platform.calm();
            stack.close();
        }
    }

    @Test
    void afterFailuresAndTimeoutsEveryReplyArrivesOnceInOrder() {
        int perMenu = stack.repliesTo("tel:+8613731999999", "菜单");
        Ledger ledger = new Ledger();
        stack.platform.faults(Map.of("failureRate", 0.3));
        Load load = new Load(Residents.phones(31, 12), 8, 1200,
                (phone, i) -> ledger.record(stack.platform.text(phone, "菜单"), phone));

        load.awaitShare(0.35);
        long outageEnds = System.nanoTime() + OUTAGE_MS * 1_000_000L;
        stack.platform.faults(Map.of("failureRate", 1.0, "durationMs", DOWN_MS));
        long downEnds = System.nanoTime() + DOWN_MS * 1_000_000L;
        String backlogDuringOutage = "UP";
        double pendingDuringOutage = 0;
        while (System.nanoTime() < downEnds + 2_000_000_000L && !"DOWN".equals(backlogDuringOutage)) {
            Http.sleep(250);
            backlogDuringOutage = stack.minhu().check("well", "minhu-backlog");
            pendingDuringOutage = Math.max(pendingDuringOutage, stack.minhu().metric("minhu_outbox_pending", null));
        }
        while (System.nanoTime() < downEnds) {
            Http.sleep(100);
        }
        stack.platform.faults(Map.of("failureRate", 0.3, "timeoutRate", 0.7, "timeoutMs", 3000,
                "durationMs", (outageEnds - System.nanoTime()) / 1_000_000));
        load.join();
        while (System.nanoTime() < outageEnds) {
            Http.sleep(200);
        }
        long recoveryStarted = System.nanoTime();

        Tally tally = Tally.of("carrier-outage", ledger, stack.db, stack.platform, perMenu, null, Duration.ofSeconds(90));
        long drainMillis = (System.nanoTime() - recoveryStarted) / 1_000_000;
        long faults = stack.platform.stat("faultsInjected");
        Http.sleep(1500);
        String backlogAfter = stack.minhu().check("well", "minhu-backlog");
        tally.print("outage-ms=" + OUTAGE_MS + " all-failing-ms=" + DOWN_MS + " faults-injected=" + faults
                + " send-retries=" + (long) stack.minhu().metric("minhu_outbox_send_total", "result=\"retry\"")
                + " duplicate-sends-refused-by-platform=" + stack.platform.stat("duplicateSends")
                + " drained-ms-after-outage=" + drainMillis + " pending-during-outage=" + (long) pendingDuringOutage
                + " backlog-check during=" + backlogDuringOutage + " after=" + backlogAfter);
        assertThat(faults).as("the platform really failed sends").isPositive();
        assertThat(backlogDuringOutage).as("staff see replies piling up while the platform is down").isEqualTo("DOWN");
        assertThat(backlogAfter).as("and see it clear afterwards").isEqualTo("UP");
        tally.assertEveryAnsweredMessageRepliedOnceInOrder();
    }
}
