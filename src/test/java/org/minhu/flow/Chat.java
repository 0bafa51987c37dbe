package org.minhu.flow;

import org.minhu.outbound.BotMessage;
import org.minhu.outbound.CardContent;
import org.minhu.outbound.Chip;
import org.minhu.outbound.Content;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One resident talking to the engine: keeps the state between turns, moves a clock of its own,
 * and lets a test read what the bot said in the last turn the way the resident would see it.
 */
final class Chat {

    static final Instant START = Instant.parse("2025-06-02T01:00:00Z");

    private final Engine engine;
    private ConversationState state;
    private Map<String, Object> context = Map.of();
    private Instant now = START;
    private List<BotMessage> replies = List.of();
    private final List<BotMessage> transcript = new ArrayList<>();
    private Effect.CallAction pending;

    Chat(Engine engine, String language) {
        this.engine = engine;
        this.state = ConversationState.idle(language);
    }

    Chat(Engine engine) {
        this(engine, Messages.DEFAULT_LANGUAGE);
    }

    Chat context(Map<String, Object> context) {
        this.context = context;
        return this;
    }

    Chat send(Input input) {
        return took(engine.step(state, input, context, now));
    }

    /** The service starts a flow with values already known, as it does for a resident's first message. */
    Chat begins(String flow, Map<String, Object> values) {
        return took(engine.begin(state, flow, null, values, context, now));
    }

    private Chat took(StepResult result) {
        state = result.state();
        replies = result.effects().stream().filter(Effect.Send.class::isInstance)
                .map(e -> ((Effect.Send) e).message()).toList();
        pending = result.pendingAction();
        transcript.addAll(replies);
        return this;
    }

    Chat says(String text) {
        return send(new Input.Text(text));
    }

    Chat taps(String postback) {
        return send(new Input.Choice(postback, null));
    }

    /** Taps the chip with this label in what the bot just said; fails if there is none. */
    Chat tapsLabel(String label) {
        return taps(chip(label).postback());
    }

    /** Taps the chip with this postback in what the bot just said; fails if there is none. */
    Chat chooses(String postback) {
        List<String> offered = replies.stream().flatMap(r -> r.allChips().stream()).map(Chip::postback).toList();
        if (!offered.contains(postback)) {
            throw new AssertionError("no chip '" + postback + "' among " + offered);
        }
        return taps(postback);
    }

    Chat opens(String flowId) {
        return taps("flow:" + flowId);
    }

    Chat goesTo(String flowId, String stepId) {
        return taps("go:" + flowId + ":" + stepId);
    }

    Chat actionReturns(String outcome, Map<String, Object> data) {
        return send(new Input.ActionResult(outcome, data));
    }

    Chat after(Duration idle) {
        now = now.plus(idle);
        return this;
    }

    ConversationState state() {
        return state;
    }

    Map<String, Object> vars() {
        return state.vars();
    }

    Effect.CallAction pending() {
        return pending;
    }

    List<BotMessage> replies() {
        return replies;
    }

    /** Everything the bot said since this chat began. */
    List<BotMessage> transcript() {
        return transcript;
    }

    BotMessage last() {
        if (replies.isEmpty()) {
            throw new AssertionError("the bot said nothing");
        }
        return replies.get(replies.size() - 1);
    }

    /** What each reply shows: its text, or a card's title and description, or a carousel's titles. */
    List<String> texts() {
        return replies.stream().map(Chat::visible).toList();
    }

    String lastText() {
        return visible(last());
    }

    /** Every chip of the last reply, inside its cards first. */
    List<String> postbacks() {
        return last().allChips().stream().map(Chip::postback).toList();
    }

    List<String> labels() {
        return last().allChips().stream().map(Chip::displayText).toList();
    }

    Chip chip(String label) {
        List<String> seen = new ArrayList<>();
        for (BotMessage reply : replies) {
            for (Chip chip : reply.allChips()) {
                if (chip.displayText().equals(label)) {
                    return chip;
                }
                seen.add(chip.displayText());
            }
        }
        throw new AssertionError("no chip '" + label + "' among " + seen);
    }

    static String visible(BotMessage message) {
        Content content = message.content();
        if (content instanceof Content.Text t) {
            return t.text();
        }
        if (content instanceof Content.Card c) {
            return card(c.card());
        }
        if (content instanceof Content.Carousel c) {
            return String.join(" | ", c.cards().stream().map(Chat::card).toList());
        }
        return content.toString();
    }

    private static String card(CardContent card) {
        return (card.title() == null ? "" : card.title()) + (card.description() == null ? "" : "\n" + card.description());
    }
}
