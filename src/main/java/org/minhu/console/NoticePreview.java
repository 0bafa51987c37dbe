package org.minhu.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.minhu.carrier.outbound.PlatformRenderer;
import org.minhu.outbound.SmsRendering;
import org.minhu.proactive.notice.Notices;

import java.util.ArrayList;
import java.util.List;

/**
 * Both renderings of a notice as the page shows them: the card drawn from the very JSON the
 * platform gets (title, image, text with the line on leaving, chips), the SMS text a phone
 * without 5G Messages shows instead, and that JSON itself; or why there is nothing to show yet.
 */
public record NoticePreview(String title, String description, String imageUrl, List<String> chips, String sms,
                            List<SmsRendering.Option> smsOptions, String json, boolean ownCase, String problem) {

    static NoticePreview of(Notices.Preview preview) {
        String title = null;
        String description = null;
        String image = null;
        List<String> chips = new ArrayList<>();
        for (JsonNode item : preview.card()) {
            String type = item.path("contentType").asText();
            if (PlatformRenderer.BOT_MESSAGE.equals(type)) {
                JsonNode content = item.path("contentText").path("message").path("generalPurposeCard").path("content");
                title = text(content.path("title"));
                description = text(content.path("description"));
                image = text(content.path("media").path("mediaUrl"));
                content.path("suggestions").forEach(s -> chips.add(label(s)));
            } else if (PlatformRenderer.BOT_SUGGESTION.equals(type)) {
                item.path("contentText").path("suggestions").forEach(s -> chips.add(label(s)));
            }
        }
        return new NoticePreview(title, description, image, chips, preview.sms(), preview.smsOptions(),
                preview.card().toPrettyString(), preview.ownCase(), null);
    }

    static NoticePreview refused(String problem) {
        return new NoticePreview(null, null, null, List.of(), null, List.of(), null, false, problem);
    }

    private static String label(JsonNode suggestion) {
        JsonNode body = suggestion.has("reply") ? suggestion.path("reply") : suggestion.path("action");
        return body.path("displayText").asText();
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
