package org.minhu.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Locale;

/**
 * "There is work": for one resident's conversation, or for the outbox. A signal carries no work
 * itself (the database does), so losing one only delays the work until the next sweep, and
 * hearing one twice repeats a no-op.
 *
 * @param origin the instance that sent it, so that it can skip its own echo
 */
public record WorkSignal(Kind kind, String phone, String origin) {

    public enum Kind { RESIDENT, OUTBOX }

    private static final ObjectMapper JSON = new ObjectMapper();

    public WorkSignal {
        if (kind == null) {
            throw new MalformedSignalException("a signal needs a kind");
        }
        if (kind == Kind.RESIDENT && (phone == null || phone.isBlank())) {
            throw new MalformedSignalException("a resident signal needs a phone");
        }
    }

    public static WorkSignal resident(String phone, String origin) {
        return new WorkSignal(Kind.RESIDENT, phone, origin);
    }

    public static WorkSignal outbox(String origin) {
        return new WorkSignal(Kind.OUTBOX, null, origin);
    }

    public String toJson() {
        var node = JSON.createObjectNode().put("kind", kind.name().toLowerCase(Locale.ROOT)).put("origin", origin);
        if (phone != null) {
            node.put("phone", phone);
        }
        return node.toString();
    }

    /** Reads a signal from the wire; anything else is a {@link MalformedSignalException}, never worth a retry. */
    public static WorkSignal fromJson(String text) {
        JsonNode node;
        try {
            node = text == null ? null : JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedSignalException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject() || !node.path("kind").isTextual()) {
            throw new MalformedSignalException("not a signal: " + abbreviate(text));
        }
        Kind kind;
        try {
            kind = Kind.valueOf(node.get("kind").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MalformedSignalException("unknown kind " + abbreviate(node.get("kind").asText()));
        }
        return new WorkSignal(kind, node.path("phone").asText(null), node.path("origin").asText(null));
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 80 ? String.valueOf(text) : text.substring(0, 80) + "…";
    }

    /** A message on the signal channel that is not a signal: parked at once, since no retry can fix it. */
    public static class MalformedSignalException extends IllegalArgumentException {
        public MalformedSignalException(String message) {
            super(message);
        }
    }
}
