package org.minhu.reliability;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message on the signal exchange that no instance can handle is not dropped and does not stop
 * the consumer: it is parked in the dead-letter queue, where /q/health/well and the metric
 * minhu_messaging_dead_letters show it to staff, and signals keep flowing.
 */
class SignalDeadLetterIT {

    private static final String DEAD = "minhu.signals.dead";
    private static Stack stack;

    @BeforeAll
    static void start() throws Exception {
        purgeDeadLetters();
        stack = Stack.single("deadletter", Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
        purgeDeadLetters();
    }

    @Test
    void aSignalThatCannotBeHandledIsParkedWhereStaffSeeIt() throws Exception {
        Minhu minhu = stack.minhu();
        // just after start the queue may not have been looked at yet ("not checked yet"): wait for the first look
        long checked = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < checked && !minhu.health("well").contains("\"parked\"")) {
            Http.sleep(200);
        }
        assertThat(minhu.health("well")).contains("\"minhu-signals\"").contains("\"parked\": 0");

        try (Connection connection = factory().newConnection(); Channel channel = connection.createChannel()) {
            channel.basicPublish("minhu.signals", "", null, "not a signal".getBytes(StandardCharsets.UTF_8));
            channel.basicPublish("minhu.signals", "", null, "{\"kind\":\"weather\"}".getBytes(StandardCharsets.UTF_8));
        }

        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until && minhu.metric("minhu_messaging_dead_letters", null) < 2) {
            Http.sleep(200);
        }
        double parked = minhu.metric("minhu_messaging_dead_letters", null);
        String wellness = minhu.health("well");
        Platform.Push after = stack.platform.text("tel:+8613761000001", "菜单");
        System.out.printf("RELIABILITY %-22s published=2 parked=%.0f push-after=%d%n", "dead-letters", parked, after.status());

        assertThat(parked).as("both are parked in %s", DEAD).isEqualTo(2.0);
        assertThat(wellness).contains("\"minhu-signals\"").contains("\"status\": \"DOWN\"").contains("\"parked\": 2");
        assertThat(minhu.health("ready")).as("parked signals do not take the instance out of rotation")
                .contains("\"status\": \"UP\"");
        assertThat(after.answered()).isTrue();
        Tally.awaitQuiet(stack.db, Duration.ofSeconds(20));
        assertThat(stack.platform.botMessages("tel:+8613761000001")).as("the service still answers").isNotEmpty();
    }

    private static ConnectionFactory factory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        return factory;
    }

    /** The dead-letter queue is shared by every instance on this broker; start and end with it empty. */
    private static void purgeDeadLetters() throws Exception {
        try (Connection connection = factory().newConnection(); Channel channel = connection.createChannel()) {
            channel.queueDeclare(DEAD, true, false, false, null);
            channel.queuePurge(DEAD);
        }
    }
}
