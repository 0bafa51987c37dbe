package org.minhu.flow;

import org.minhu.outbound.BotMessage;
import org.minhu.outbound.CardContent;
import org.minhu.outbound.Chip;
import org.minhu.outbound.Content;
import org.minhu.outbound.Media;
import org.minhu.outbound.PlatformLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the bot says at a step, as messages: texts and cards from the flows' message specs, a
 * question's prompt with its chips, options as a carousel or a single card, everything clipped to
 * the platform's limits. It reads where the conversation stands through {@link Place} and says
 * nothing itself: the engine's turn decides what is said and when.
 */
final class Rendering {

    /** Where the conversation stands, as far as what is said depends on it. */
    interface Place {
        String language();

        /** The values a message may name: the flows' context in the language, then the flow's variables. */
        Map<String, Object> scope();

        String flowId();

        Messages messages();
    }

    /** The longest value a chip carries in its postback. */
    static final int MAX_CARRIED = 200;

    private final Place place;

    Rendering(Place place) {
        this.place = place;
    }

    String render(String key) {
        return place.messages().render(place.language(), key, place.scope());
    }

    String render(String key, Map<String, Object> extra) {
        Map<String, Object> scope = place.scope();
        scope.putAll(extra);
        return place.messages().render(place.language(), key, scope);
    }

    String label(String key) {
        return clip(render(key), PlatformLimits.MAX_DISPLAY_TEXT);
    }

    String optionLabel(Step.Option option) {
        return isKey(option.label()) ? label(option.label()) : clip(option.label(), PlatformLimits.MAX_DISPLAY_TEXT);
    }

    /** Static options name message keys; options built at run time carry their own text. */
    boolean isKey(String text) {
        return place.messages().has(Messages.DEFAULT_LANGUAGE, text);
    }

    BotMessage text(String key) {
        return new BotMessage(new Content.Text(clip(render(key), PlatformLimits.MAX_TEXT)), List.of());
    }

    /** A message of the flows (a {@code say} step, an action's outcome), or null when it renders to nothing. */
    BotMessage message(MessageSpec spec) {
        return build(spec, chips(spec.chips()), List.of());
    }

    /** The chips a message spec lists: replies that lead on, links, and numbers to dial (none when the number is empty). */
    private List<Chip> chips(List<MessageSpec.ChipSpec> specs) {
        List<Chip> chips = new ArrayList<>();
        for (MessageSpec.ChipSpec c : specs) {
            String label = label(c.label());
            if (c.dial() != null) {
                String number = Messages.fill(c.dial(), place.scope()).strip();
                if (!number.isEmpty()) {
                    chips.add(Chip.dial(label, "dial:" + number, number));
                }
            } else if (c.url() != null) {
                chips.add(Chip.openUrl(label, "url", c.url()));
            } else {
                chips.add(Chip.reply(label, postback(c.to())));
            }
        }
        return chips;
    }

    String postback(Transition t) {
        if (t.flow() != null) {
            return "flow:" + t.flow() + carrying(t);
        }
        if (t.end()) {
            return "cmd:menu";
        }
        return "go:" + place.flowId() + ":" + t.step();
    }

    /**
     * A chip's {@code with:} values, carried in its postback ({@code ?adding=MH-...}) so that it
     * starts its flow with them from any old message: short texts and numbers only, else none.
     */
    private String carrying(Transition t) {
        if (t.with().isEmpty()) {
            return "";
        }
        Map<String, Object> scope = place.scope();
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> e : t.with().entrySet()) {
            Object value = Values.get(scope, e.getValue());
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                continue;
            }
            String text = Values.text(value);
            if (text.isEmpty() || text.length() > MAX_CARRIED) {
                continue;
            }
            query.append(query.length() == 0 ? "?" : "&").append(encode(e.getKey())).append('=').append(encode(text));
        }
        return query.length() > PlatformLimits.MAX_POSTBACK / 2 ? "" : query.toString();
    }

    /** Builds a message from a spec; {@code cardChips} go inside the card (up to four), the rest under it. */
    private BotMessage build(MessageSpec spec, List<Chip> chips, List<Chip> cardChips) {
        if (spec.isCard()) {
            List<Chip> inCard = cardChips.subList(0, Math.min(cardChips.size(), PlatformLimits.MAX_CARD_CHIPS));
            List<Chip> under = new ArrayList<>(cardChips.subList(inCard.size(), cardChips.size()));
            under.addAll(chips);
            String title = spec.title() == null ? null : clip(render(spec.title()), PlatformLimits.MAX_TITLE);
            String description = spec.description() == null ? null : clip(render(spec.description()), PlatformLimits.MAX_DESCRIPTION);
            Media media = media(spec.media());
            if (media == null && blank(title) && blank(description)) {
                return null;
            }
            return new BotMessage(new Content.Card(new CardContent(media, blank(title) ? null : title,
                    blank(description) ? null : description, inCard)), limit(under));
        }
        List<Chip> all = new ArrayList<>(cardChips);
        all.addAll(chips);
        String text = clip(render(spec.text()), PlatformLimits.MAX_TEXT);
        return blank(text) ? null : new BotMessage(new Content.Text(text), limit(all));
    }

    @SuppressWarnings("unchecked")
    private Media media(String path) {
        if (path == null || !(Values.get(place.scope(), path) instanceof Map<?, ?> m)) {
            return null;
        }
        Map<String, Object> media = (Map<String, Object>) m;
        Object url = media.get("url");
        Object type = media.get("contentType");
        Double size = Values.number(media.get("size"));
        if (url == null || type == null || size == null) {
            return null;
        }
        try {
            return Media.image(String.valueOf(url), String.valueOf(type), size.longValue());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A question as the resident sees it, in the order it is said: its prompt with the chips to
     * answer by ({@code leading} first, such as 继续 / 不用了 on the menu); options shown as a
     * carousel (or a single card) come after the question's own text.
     */
    List<BotMessage> prompt(Step.Ask ask, List<Chip> leading) {
        List<Chip> extra = new ArrayList<>();
        List<Chip> cardChips = new ArrayList<>();
        String prefix = optionPrefix(ask);
        switch (ask.kind()) {
            case CHOICE -> {
                List<Step.Option> options = options(ask);
                if (ask.display() == Step.Display.CAROUSEL && options.size() >= PlatformLimits.MIN_CAROUSEL_CARDS) {
                    return saidFirst(ask, optionCarousel(ask, options));
                }
                if (ask.display() == Step.Display.CAROUSEL && options.size() == 1) {
                    return saidFirst(ask, singleOption(ask, options.get(0)));
                }
                for (Step.Option option : options) {
                    (ask.display() == Step.Display.CARD ? cardChips : extra)
                            .add(Chip.reply(optionLabel(option), prefix + option.value()));
                }
            }
            case LOCATION -> extra.add(Chip.requestLocation(label("engine.chip.location"), "loc:" + place.flowId() + ":" + ask.id()));
            case FILE -> {
                if (ask.optional()) {
                    extra.add(Chip.reply(label("engine.chip.skip"), prefix + "__skip"));
                }
            }
            case CONFIRM -> {
                extra.add(Chip.reply(label("engine.chip.yes"), prefix + "yes"));
                extra.add(Chip.reply(label("engine.chip.no"), prefix + "no"));
            }
            case TEXT -> {
            }
        }
        extra.addAll(globalChips());
        List<Chip> promptChips = new ArrayList<>(leading);
        promptChips.addAll(chips(ask.prompt().chips()));
        promptChips.addAll(extra);
        BotMessage message = build(ask.prompt(), promptChips, cardChips);
        return message == null ? List.of() : List.of(message);
    }

    /** The question's own text, then the options' card or carousel. */
    private List<BotMessage> saidFirst(Step.Ask ask, BotMessage options) {
        List<BotMessage> said = new ArrayList<>(2);
        if (ask.prompt().text() != null) {
            said.add(new BotMessage(new Content.Text(clip(render(ask.prompt().text()), PlatformLimits.MAX_TEXT)), List.of()));
        }
        said.add(options);
        return said;
    }

    private BotMessage optionCarousel(Step.Ask ask, List<Step.Option> options) {
        String prefix = optionPrefix(ask);
        List<CardContent> cards = new ArrayList<>();
        String select = label("engine.chip.select");
        for (Step.Option option : options.subList(0, Math.min(options.size(), PlatformLimits.MAX_CAROUSEL_CARDS))) {
            cards.add(optionCard(option, List.of(Chip.reply(select, prefix + option.value()))));
        }
        return new BotMessage(new Content.Carousel(cards), limit(globalChips()));
    }

    /** A carousel of one is a card; its chip carries the option's own label, e.g. a case number. */
    private BotMessage singleOption(Step.Ask ask, Step.Option option) {
        CardContent card = optionCard(option, List.of(Chip.reply(optionLabel(option), optionPrefix(ask) + option.value())));
        return new BotMessage(new Content.Card(card), limit(globalChips()));
    }

    /** An option as a card: its label the title, its description (if any) under it. */
    private CardContent optionCard(Step.Option option, List<Chip> chips) {
        String description = option.description() == null ? null
                : clip(isKey(option.description()) ? render(option.description()) : option.description(), PlatformLimits.MAX_DESCRIPTION);
        String title = clip(isKey(option.label()) ? render(option.label()) : option.label(), PlatformLimits.MAX_TITLE);
        return new CardContent(null, title, blank(description) ? null : description, chips);
    }

    /** "可以直接回复：满意 / 基本满意 / 不满意": the words a question takes, for its re-prompt. */
    String accepted(Step.Ask ask) {
        List<String> words = new ArrayList<>();
        switch (ask.kind()) {
            case CHOICE -> options(ask).stream().limit(PlatformLimits.MAX_CAROUSEL_CARDS).forEach(o -> words.add(optionLabel(o)));
            case CONFIRM -> {
                words.add(label("engine.chip.yes"));
                words.add(label("engine.chip.no"));
            }
            case FILE -> {
                if (ask.optional()) {
                    words.add(label("engine.chip.skip"));
                }
            }
            case TEXT, LOCATION -> {
            }
        }
        return words.isEmpty() ? "" : render("engine.accepted", Map.of("accepted", String.join(" / ", words)));
    }

    private List<Chip> globalChips() {
        if (FlowSet.MENU.equals(place.flowId()) || FlowSet.AGENT.equals(place.flowId())) {
            return List.of();
        }
        return List.of(Chip.reply(label("engine.chip.menu"), "cmd:menu"));
    }

    @SuppressWarnings("unchecked")
    List<Step.Option> options(Step.Ask ask) {
        if (ask.optionsFrom() == null) {
            return ask.options();
        }
        List<Step.Option> options = new ArrayList<>();
        if (Values.get(place.scope(), ask.optionsFrom()) instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> m) {
                    Map<String, Object> fields = (Map<String, Object>) m;
                    Object value = fields.get("value");
                    Object label = fields.get("label");
                    if (value != null && label != null) {
                        Object description = fields.get("description");
                        List<String> synonyms = fields.get("synonyms") instanceof List<?> words
                                ? words.stream().map(Values::text).toList() : List.of();
                        options.add(new Step.Option(Values.text(value), Values.text(label),
                                description == null ? null : Values.text(description), null, null, 0, synonyms, null));
                    }
                }
            }
        }
        return options;
    }

    String optionPrefix(Step.Ask ask) {
        return "opt:" + place.flowId() + ":" + ask.id() + ":";
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static List<Chip> limit(List<Chip> chips) {
        return chips.size() <= PlatformLimits.MAX_CHIPS ? chips : chips.subList(0, PlatformLimits.MAX_CHIPS);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String clip(String s, int max) {
        if (s == null || s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
