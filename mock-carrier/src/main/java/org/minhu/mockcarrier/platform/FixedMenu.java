package org.minhu.mockcarrier.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import org.minhu.mockcarrier.phone.Chip;

/**
 * The chatbot's fixed menu, the bar under the conversation: at most 3 entries, each a chip or a
 * submenu of at most 5 chips.
 */
@ApplicationScoped
public class FixedMenu {

    static final int MAX_TOP = 3;
    static final int MAX_SUB = 5;

    private final AtomicReference<JsonNode> menu = new AtomicReference<>();

    /** Checks a {@code {"menu":{"entries":[...]}}} body and remembers it. */
    public void set(JsonNode body) {
        validate(body);
        menu.set(body);
    }

    public Optional<JsonNode> current() {
        return Optional.ofNullable(menu.get());
    }

    public void clear() {
        menu.set(null);
    }

    /** Every chip reachable from the menu bar, for a tap that matches no message. */
    public List<Chip> chips() {
        List<Chip> chips = new ArrayList<>();
        JsonNode body = menu.get();
        if (body == null) {
            return chips;
        }
        for (JsonNode entry : body.path("menu").path("entries")) {
            if (entry.has("menu")) {
                entry.path("menu").path("entries").forEach(sub -> addChip(sub, chips));
            } else {
                addChip(entry, chips);
            }
        }
        return chips;
    }

    private static void addChip(JsonNode entry, List<Chip> chips) {
        Chip chip = Chip.of(entry);
        if (chip != null) {
            chips.add(chip);
        }
    }

    static void validate(JsonNode body) {
        if (!body.isObject()) {
            throw PlatformError.badParameter("the body must be {\"menu\":{\"entries\":[...]}}");
        }
        JsonNode menu = Fields.object(body, "menu", "menu");
        JsonNode entries = entries(menu, "menu.entries", MAX_TOP);
        for (int i = 0; i < entries.size(); i++) {
            String path = "menu.entries[" + i + "]";
            JsonNode entry = entries.get(i);
            if (entry.isObject() && entry.has("menu")) {
                JsonNode submenu = Fields.object(entry, "menu", path + ".menu");
                ChipRules.displayText(submenu, path + ".menu");
                JsonNode subEntries = entries(submenu, path + ".menu.entries", MAX_SUB);
                for (int j = 0; j < subEntries.size(); j++) {
                    String subPath = path + ".menu.entries[" + j + "]";
                    if (subEntries.get(j).has("menu")) {
                        throw PlatformError.badParameter(subPath + " is a menu, but menus nest only two levels deep");
                    }
                    ChipRules.chip(subEntries.get(j), subPath);
                }
            } else {
                ChipRules.chip(entry, path);
            }
        }
    }

    private static JsonNode entries(JsonNode menu, String path, int max) {
        JsonNode entries = Fields.array(menu, "entries", path);
        if (entries.size() > max) {
            throw PlatformError.parameter(PlatformError.CHIP_COUNT,
                    path + " has " + entries.size() + " entries; at most " + max + " are allowed");
        }
        return entries;
    }
}
