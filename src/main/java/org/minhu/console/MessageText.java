package org.minhu.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/** What a stored outbound message says, read back from the platform JSON it was rendered to. */
record MessageText(String kind, String text, List<String> chips) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static MessageText of(String messageList, String smsFallback) {
        try {
            JsonNode list = JSON.readTree(messageList);
            List<String> texts = new ArrayList<>();
            List<String> chips = new ArrayList<>();
            String kind = "text";
            for (JsonNode item : list) {
                String type = item.path("contentType").asText();
                JsonNode content = item.path("contentText");
                if (type.startsWith("text/plain")) {
                    texts.add(content.asText());
                } else if (type.contains("botmessage")) {
                    JsonNode message = content.path("message");
                    kind = message.has("generalPurposeCardCarousel") ? "carousel" : "card";
                    collectCards(message, texts, chips);
                } else if (type.contains("botsuggestion")) {
                    content.path("suggestions").forEach(s -> chips.add(displayText(s)));
                } else if (type.contains("rcs-ft-http")) {
                    kind = "file";
                    content.forEach(part -> {
                        if ("file".equals(part.path("type").asText())) {
                            texts.add("[文件] " + part.path("fileName").asText());
                        }
                    });
                }
            }
            return new MessageText(kind, String.join("\n", texts), chips);
        } catch (Exception unreadable) {
            return new MessageText("text", smsFallback, List.of());
        }
    }

    private static void collectCards(JsonNode node, List<String> texts, List<String> chips) {
        if (node.isObject()) {
            if (node.has("title") && node.get("title").isTextual()) {
                texts.add(node.get("title").asText());
            }
            if (node.has("description") && node.get("description").isTextual()) {
                texts.add(node.get("description").asText());
            }
            if (node.has("suggestions")) {
                node.get("suggestions").forEach(s -> chips.add(displayText(s)));
            }
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("suggestions")) {
                    collectCards(e.getValue(), texts, chips);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectCards(child, texts, chips));
        }
    }

    private static String displayText(JsonNode suggestion) {
        JsonNode body = suggestion.has("reply") ? suggestion.get("reply") : suggestion.path("action");
        return body.path("displayText").asText();
    }
}
