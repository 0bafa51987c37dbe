package org.minhu.conversation.subscription;

import java.util.Arrays;
import java.util.Optional;

/** What a notice can be about, and what a resident can subscribe to. Names are in the message bundles. */
public enum Topic {
    ROAD_WORKS("road-works"), OUTAGES("outages"), POLICY("policy");

    private final String code;

    Topic(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The bundle key of its name: 道路施工, 停水停电, 政策通知. */
    public String messageKey() {
        return "subscribe.topic." + code;
    }

    public static Optional<Topic> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
