package org.minhu.mockcarrier.wire;

import java.util.Set;

/** The messageList content types of the 5G Message protocol. */
public final class ContentTypes {

    public static final String TEXT = "text/plain";
    public static final String BOT_MESSAGE = "application/vnd.gsma.botmessage.v1.0+json";
    public static final String SUGGESTIONS = "application/vnd.gsma.botsuggestion.v1.0+json";
    public static final String FILE = "application/vnd.gsma.rcs-ft-http";
    public static final String SUGGESTION_RESPONSE = "application/vnd.gsma.botsuggestion.response.v1.0+json";
    public static final String SHARED_CLIENT_DATA = "application/vnd.gsma.botsharedclientdata.v1.0+json";

    public static final Set<String> OUTBOUND = Set.of(TEXT, BOT_MESSAGE, SUGGESTIONS, FILE);
    public static final Set<String> INBOUND_ONLY = Set.of(SUGGESTION_RESPONSE, SHARED_CLIENT_DATA);

    private ContentTypes() {
    }
}
