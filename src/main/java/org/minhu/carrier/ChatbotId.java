package org.minhu.carrier;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The chatbot's SIP URI as it appears in platform URLs. */
public final class ChatbotId {

    private ChatbotId() {
    }

    public static String encode(String chatbotUri) {
        return URLEncoder.encode(chatbotUri, StandardCharsets.UTF_8);
    }

    /** Whether a path segment names this chatbot, whether the platform encoded it or not. */
    public static boolean matches(String pathSegment, String chatbotUri) {
        if (pathSegment == null) {
            return false;
        }
        return pathSegment.equals(chatbotUri)
                || URLDecoder.decode(pathSegment, StandardCharsets.UTF_8).equals(chatbotUri);
    }
}
