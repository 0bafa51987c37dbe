package org.minhu.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL and then RabbitMQ restarted under load, two instances sharing it: the instances
 * recover by themselves, with no restart and no operator. Every answered push is replied to
 * once, in order, and signals flow between the instances again afterwards.
 */
class BackendRestartIT {

    private static Stack stack;

    @BeforeAll
    static void start() {
        Backends.ensureRunning();
        stack = Stack.pair("backends", Map.of());
    }

    @AfterAll
    static void stop() {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            Backends.ensureRunning();
        }
    }

    @Test
    void theServiceRecoversByItselfFromDatabaseAndBrokerRestarts() {
        int perMenu = stack.repliesTo("tel:+8613741999999", "菜单");
        Ledger ledger = new Ledger();
        Load load = new Load(Residents.phones(41, 16), 10, 250,
                (phone, i) -> ledger.record(stack.platform.text(phone, "菜单"), phone));
        try {
            load.awaitShare(0.25);
            long t0 = System.nanoTime();
            Backends.restartPostgres();
            long postgresMillis = (System.nanoTime() - t0) / 1_000_000;

            load.awaitShare(0.6);
            t0 = System.nanoTime();
            Backends.restartRabbit();
            long rabbitMillis = (System.nanoTime() - t0) / 1_000_000;
            load.join();

            Tally tally = Tally.of("postgres-rabbitmq-restart", ledger, stack.db, stack.platform, perMenu, null,
                    Duration.ofSeconds(90));
            tally.print("postgres-restart-ms=" + postgresMillis + " rabbitmq-restart-ms=" + rabbitMillis);
            tally.assertEveryAnsweredMessageRepliedOnceInOrder();
            assertThat(tally.answered).as("pushes were answered after the restarts too").isGreaterThan(ledger.messages().size() / 2);
        } finally {
            Backends.ensureRunning();
        }

        for (Minhu minhu : stack.instances) {
            assertThat(minhu.ready()).as("%s ready again without a restart", minhu).isTrue();
        }
        List<Long> heard = stack.signalsHeardByEveryInstance(Residents.phones(42, 1).get(0), Duration.ofSeconds(30));
        System.out.printf("RELIABILITY %-22s signals heard after the broker restart: %s%n", "", heard);
        assertThat(heard).as("each instance hears the other's signals again").allMatch(n -> n > 0);
    }
}
