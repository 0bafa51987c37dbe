package org.minhu.reliability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every resident message the test pushed, and what our service answered to each delivery of it. */
final class Ledger {

    record Message(String phone, String messageId, List<Integer> statuses) {
        boolean answered() {
            return statuses.contains(204);
        }
    }

    private final Map<String, Message> messages = new LinkedHashMap<>();
    private final Set<String> phones = new LinkedHashSet<>();

    synchronized void record(String phone, String messageId, int status) {
        phones.add(phone);
        messages.computeIfAbsent(messageId, id -> new Message(phone, id, new ArrayList<>())).statuses().add(status);
    }

    synchronized void record(Platform.Push push, String phone) {
        record(phone, push.messageId(), push.status());
    }

    synchronized Collection<Message> messages() {
        return List.copyOf(messages.values());
    }

    synchronized Set<String> phones() {
        return Set.copyOf(phones);
    }

    synchronized long deliveries() {
        return messages.values().stream().mapToLong(m -> m.statuses().size()).sum();
    }
}
