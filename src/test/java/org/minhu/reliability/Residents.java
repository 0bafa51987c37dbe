package org.minhu.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Residents' phone numbers and the pushes a platform makes of their messages. */
final class Residents {

    private Residents() {
    }

    /** {@code count} distinct numbers, e.g. {@code tel:+8613712000001}, with a per-scenario prefix. */
    static List<String> phones(int scenario, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> String.format("tel:+86137%02d%06d", scenario, i)).toList();
    }

    /** A text message push as the platform sends it (docs/protocol/inbound-text.json). */
    static String textPush(String messageId, String phone, String text) {
        ObjectNode push = Http.JSON.createObjectNode();
        push.put("messageId", messageId);
        push.putArray("messageList").addObject().put("contentType", "text/plain").put("contentText", text);
        push.put("dateTime", OffsetDateTime.now(ZoneOffset.ofHours(8)).toString());
        push.put("destinationAddress", "sip:12345@botplatform.rcs.example.cn");
        push.put("senderAddress", phone);
        push.put("conversationId", "c-" + UUID.nameUUIDFromBytes(phone.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        push.put("contributionId", "k-" + UUID.randomUUID());
        return push.toString();
    }
}
