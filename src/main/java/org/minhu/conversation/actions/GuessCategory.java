package org.minhu.conversation.actions;

import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.cases.Categories;
import org.minhu.conversation.ActionContext;
import org.minhu.conversation.ConversationAction;
import org.minhu.flow.Input;

import java.util.Map;
import java.util.Set;

/**
 * Proposes the category of a problem the resident described in their own words. Saved under the
 * name a category choice uses ({@code category.value}, {@code category.label}), so a flow that
 * saves it as {@code category} files the case with it when the resident agrees.
 */
@ApplicationScoped
class GuessCategory implements ConversationAction {

    private final Categories categories;

    GuessCategory(Categories categories) {
        this.categories = categories;
    }

    @Override
    public String name() {
        return "guess-category";
    }

    @Override
    public Set<String> outputs() {
        return Set.of("outcome", "value", "label");
    }

    @Override
    public Input.ActionResult run(ActionContext ctx) {
        return categories.guess(ctx.text("description"))
                .map(guess -> new Input.ActionResult("found", Map.of("value", guess.category().code(),
                        "label", guess.category().name().in(ctx.language()))))
                .orElseGet(() -> new Input.ActionResult("none", Map.of()));
    }
}
