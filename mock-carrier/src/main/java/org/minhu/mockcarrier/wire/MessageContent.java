package org.minhu.mockcarrier.wire;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

/** The content of a messageList item, with a base64 {@code contentEncoding} undone. */
public final class MessageContent {

    private MessageContent() {
    }

    /**
     * @return a text node for {@code text/plain}, else the JSON content
     * @throws IllegalArgumentException when base64 content is not valid base64 or not valid JSON
     */
    public static JsonNode decode(JsonNode item, ObjectMapper mapper) {
        JsonNode content = item.path("contentText");
        if (!"base64".equals(item.path("contentEncoding").asText()) || !content.isTextual()) {
            return content;
        }
        String decoded = new String(Base64.getDecoder().decode(content.asText()), StandardCharsets.UTF_8);
        if (ContentTypes.TEXT.equals(item.path("contentType").asText())) {
            return TextNode.valueOf(decoded);
        }
        try {
            return mapper.readTree(decoded);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("base64 contentText is not JSON", e);
        }
    }
}
