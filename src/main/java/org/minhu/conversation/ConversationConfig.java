package org.minhu.conversation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** Conversations, their flows and the live chat's hours; each key's default is written here and nowhere else. */
@ConfigMapping(prefix = "minhu")
public interface ConversationConfig {

    Conversation conversation();

    Flows flows();

    @WithName("working-hours")
    WorkingHours workingHours();

    interface Conversation {
        /** Threads that run residents' turns (one resident's in order, residents in parallel). */
        @WithDefault("8")
        int workers();

        /** Answers a step may not understand in a row before the resident is offered a person. */
        @WithDefault("2")
        int maxInvalid();

        /** A conversation left this long starts again from the menu. */
        @WithDefault("30m")
        Duration idleTimeout();

        /** How often residents' messages left unanswered are looked for (default in application.properties: a schedule reads it). */
        Duration sweep();

        /** How long a half-filed request is kept for the resident to pick up again. */
        @WithDefault("7d")
        Duration draftTtl();
    }

    interface Flows {
        /** The folder of the shipped conversation flows. */
        @WithDefault("conversation-flows")
        String dir();

        /** Read the flow files again when they change (development). */
        @WithDefault("false")
        boolean reload();
    }

    interface WorkingHours {
        /** Ignore the working hours of reference/working-hours.yaml: a person is always there (tests not about them). */
        @WithDefault("false")
        boolean alwaysOpen();
    }
}
