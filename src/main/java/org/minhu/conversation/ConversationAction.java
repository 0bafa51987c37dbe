package org.minhu.conversation;

import org.minhu.flow.Input;

import java.util.Set;

/**
 * An action a flow can call by name ({@code action: create-case}). Runs inside the turn's
 * transaction; what it returns is saved under the step's {@code save} name for the flow to use.
 */
public interface ConversationAction {

    String name();

    /** The fields of its result a flow may read, checked when flows load. */
    Set<String> outputs();

    Input.ActionResult run(ActionContext context);
}
