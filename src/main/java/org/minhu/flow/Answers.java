package org.minhu.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.minhu.flow.Engine.NO;
import static org.minhu.flow.Engine.YES;
import static org.minhu.flow.Engine.normalize;

/**
 * Reads what a resident sent as the answer to the question they were asked: a typed text within its
 * limits, an option by its chip, its number, its label or a synonym (and yes or no for options that
 * mean them), a shared or typed place, a file or "skip", yes or no. Null when the input does not
 * answer the question; the engine's turn decides what follows.
 */
final class Answers {

    private static final Set<String> SKIP = Set.of("跳过", "skip", "不用", "不用了", "不需要", "没有", "没", "无", "没有照片",
            "没照片", "没有图片", "no", "no photo", "none");

    private final Rendering rendering;

    Answers(Rendering rendering) {
        this.rendering = rendering;
    }

    /** What the answer stores under the question's name, and the option chosen, if it was one. */
    record Answer(Object value, Step.Option option) {
    }

    Answer interpret(Step.Ask ask, Input input) {
        return switch (ask.kind()) {
            case TEXT -> text(ask, input);
            case CHOICE -> choice(ask, input);
            case LOCATION -> location(ask, input);
            case FILE -> file(ask, input);
            case CONFIRM -> confirm(ask, input);
        };
    }

    private Answer text(Step.Ask ask, Input input) {
        if (input instanceof Input.File f && f.error() == null && f.path() != null && f.type() != null
                && f.type().startsWith("audio/")) {
            // a voice note answers a text question: kept with the conversation, where staff play it
            return new Answer(rendering.render("engine.voice"), null);
        }
        if (!(input instanceof Input.Text t)) {
            return null;
        }
        String value = t.text().strip();
        int length = value.codePointCount(0, value.length());
        if (value.isEmpty() || ask.min() != null && length < ask.min() || ask.max() != null && length > ask.max()) {
            return null;
        }
        if (ask.pattern() != null && !value.matches(ask.pattern())) {
            return null;
        }
        return new Answer(value, null);
    }

    private Answer choice(Step.Ask ask, Input input) {
        List<Step.Option> options = rendering.options(ask);
        if (input instanceof Input.Choice c && c.postback() != null && c.postback().startsWith(rendering.optionPrefix(ask))) {
            String value = c.postback().substring(rendering.optionPrefix(ask).length());
            return options.stream().filter(o -> o.value().equals(value)).findFirst()
                    .map(o -> new Answer(chosen(o), o)).orElse(null);
        }
        String typed = input instanceof Input.Text t ? normalize(t.text())
                : input instanceof Input.Choice c && c.displayText() != null ? normalize(c.displayText()) : null;
        if (typed == null) {
            return null;
        }
        if (typed.matches("\\d{1,2}")) {
            int n = Integer.parseInt(typed);
            return n >= 1 && n <= options.size() ? new Answer(chosen(options.get(n - 1)), options.get(n - 1)) : null;
        }
        for (Step.Option option : options) {
            if (normalize(rendering.optionLabel(option)).equals(typed) || normalize(option.value()).equals(typed)
                    || option.synonyms().stream().anyMatch(word -> normalize(word).equals(typed))) {
                return new Answer(chosen(option), option);
            }
        }
        for (Step.Option option : options) {
            if ("yes".equals(option.means()) && YES.contains(typed) || "no".equals(option.means()) && NO.contains(typed)) {
                return new Answer(chosen(option), option);
            }
        }
        return null;
    }

    private Object chosen(Step.Option option) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("value", option.value());
        value.put("label", rendering.optionLabel(option));
        return value;
    }

    private Answer location(Step.Ask ask, Input input) {
        Map<String, Object> place = new LinkedHashMap<>();
        if (input instanceof Input.Location l) {
            place.put("latitude", l.latitude());
            place.put("longitude", l.longitude());
            String label = l.label() == null || l.label().isBlank()
                    ? String.format(Locale.ROOT, "%.5f, %.5f", l.latitude(), l.longitude()) : l.label();
            place.put("label", label);
            return new Answer(place, null);
        }
        if (input instanceof Input.Text t) {
            String typed = t.text().strip();
            int min = ask.min() != null ? ask.min() : 4;
            if (typed.codePointCount(0, typed.length()) >= min && (ask.max() == null || typed.length() <= ask.max())) {
                place.put("label", typed);
                place.put("address", typed);
                return new Answer(place, null);
            }
        }
        return null;
    }

    Answer file(Step.Ask ask, Input input) {
        if (input instanceof Input.File f && f.error() == null && f.path() != null) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", f.path());
            if (f.name() != null) {
                file.put("name", f.name());
            }
            if (f.type() != null) {
                file.put("type", f.type());
            }
            return new Answer(file, null);
        }
        boolean skip = input instanceof Input.Choice c && (rendering.optionPrefix(ask) + "__skip").equals(c.postback())
                || input instanceof Input.Text t && SKIP.contains(normalize(t.text()));
        return ask.optional() && skip ? new Answer(null, null) : null;
    }

    private Answer confirm(Step.Ask ask, Input input) {
        if (input instanceof Input.Choice c && c.postback() != null && c.postback().startsWith(rendering.optionPrefix(ask))) {
            String value = c.postback().substring(rendering.optionPrefix(ask).length());
            return value.equals("yes") ? new Answer(true, null) : value.equals("no") ? new Answer(false, null) : null;
        }
        String typed = input instanceof Input.Text t ? normalize(t.text()) : null;
        if (typed == null) {
            return null;
        }
        if (YES.contains(typed) || typed.equals(normalize(rendering.render("engine.chip.yes")))) {
            return new Answer(true, null);
        }
        if (NO.contains(typed) || typed.equals(normalize(rendering.render("engine.chip.no")))) {
            return new Answer(false, null);
        }
        return null;
    }
}
