package org.minhu.mockcarrier.phone;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A suggestion as the phone shows it.
 *
 * @param type {@code reply} or {@code action}
 * @param action for an action chip, the whole action object as the chatbot sent it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Chip(String displayText, String postback, String type, JsonNode action) {

    public static final String REPLY = "reply";
    public static final String ACTION = "action";

    /** Reads {@code {"reply":{...}}} or {@code {"action":{...}}}; null for anything else. */
    public static Chip of(JsonNode suggestion) {
        if (suggestion.has(REPLY)) {
            JsonNode reply = suggestion.get(REPLY);
            return new Chip(reply.path("displayText").asText(""), reply.path("postback").path("data").asText(""),
                    REPLY, null);
        }
        if (suggestion.has(ACTION)) {
            JsonNode action = suggestion.get(ACTION);
            return new Chip(action.path("displayText").asText(""), action.path("postback").path("data").asText(""),
                    ACTION, action);
        }
        return null;
    }

    boolean matches(String text, String postbackData) {
        return (text == null || text.equals(displayText)) && (postbackData == null || postbackData.equals(postback));
    }
}
