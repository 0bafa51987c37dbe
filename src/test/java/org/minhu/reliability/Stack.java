package org.minhu.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a scenario runs against: a fresh database on the local PostgreSQL, the packaged mock
 * carrier, and one or more instances of the packaged service sharing the local RabbitMQ. With
 * several instances the platform pushes to a {@link RoundRobin} in front of them, as it would to
 * a load balancer.
 */
final class Stack implements AutoCloseable {

    final Database db;
    final Platform platform;
    final List<Minhu> instances = new ArrayList<>();
    private final RoundRobin balancer;

    private Stack(String name, int instanceCount, Map<String, String> env) {
        db = new Database("minhu_test_rel_" + name.replace('-', '_'));
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < instanceCount; i++) {
            ports.add(JavaProcess.freePort());
        }
        balancer = instanceCount > 1 ? new RoundRobin(ports) : null;
        int notifyPort = balancer != null ? balancer.port() : ports.get(0);
        platform = new Platform(name, "http://127.0.0.1:" + notifyPort + "/5gmsg");
        for (int i = 0; i < instanceCount; i++) {
            String instance = instanceCount > 1 ? name + "-" + (char) ('a' + i) : name;
            instances.add(new Minhu(instance, ports.get(i), db.name(), platform.base(), env));
        }
        instances.forEach(Minhu::start);
    }

    static Stack single(String name, Map<String, String> env) {
        return new Stack(name, 1, env);
    }

    static Stack pair(String name, Map<String, String> env) {
        return new Stack(name, 2, env);
    }

    Minhu minhu() {
        return instances.get(0);
    }

    /** How many replies the bot writes to this text from a resident it has not met: measured, not assumed. */
    int repliesTo(String phone, String text) {
        Platform.Push push = platform.text(phone, text);
        if (!push.answered()) {
            throw new IllegalStateException("the warm-up push was answered " + push.status());
        }
        Tally.awaitQuiet(db, Duration.ofSeconds(30));
        return (int) db.count("select count(*) from outbound_message o join inbound_message i on o.cause_inbound_id = i.id"
                + " where i.message_id = '" + push.messageId() + "'");
    }

    /**
     * Has each instance hear signals from the others again? Keeps a spare resident texting (at
     * most {@code timeout}) until every instance's count of signals received has grown, and returns
     * how much each grew.
     */
    List<Long> signalsHeardByEveryInstance(String sparePhone, Duration timeout) {
        List<Double> before = instances.stream().map(Stack::heard).toList();
        long until = System.nanoTime() + timeout.toNanos();
        int n = 0;
        while (System.nanoTime() < until && !allGrew(before)) {
            platform.text(sparePhone, "菜单 " + n++);
            Http.sleep(300);
        }
        List<Long> grew = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            grew.add((long) (heard(instances.get(i)) - before.get(i)));
        }
        return grew;
    }

    private boolean allGrew(List<Double> before) {
        for (int i = 0; i < instances.size(); i++) {
            if (heard(instances.get(i)) <= before.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static double heard(Minhu minhu) {
        return minhu.metric("minhu_messaging_signals_total", "direction=\"received\"");
    }

    @Override
    public void close() {
        for (Minhu minhu : instances) {
            minhu.close();
        }
        platform.close();
        if (balancer != null) {
            balancer.close();
        }
        db.close();
    }
}
