package org.minhu.flow;

import org.minhu.outbound.BotMessage;

import java.util.Map;

/** What the engine wants done; the caller carries it out. */
public sealed interface Effect {

    record Send(BotMessage message) implements Effect {
    }

    /** Run a named action; feed its result back as {@link Input.ActionResult}. */
    record CallAction(String action, Map<String, Object> vars) implements Effect {
    }
}
