package org.minhu.mockcarrier.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform's rules for suggestion chips, shared by messages and the fixed menu. Chip faults
 * get their own codes: 40016 count, 40017 type or action, 40018 displayText missing, 40019
 * displayText too long, 40020 postback missing, 40021 postback too long.
 */
final class ChipRules {

    static final int MAX_IN_CARD = 4;
    static final int MAX_IN_LIST = 11;
    static final int MAX_DISPLAY_TEXT = 25;
    static final int MAX_POSTBACK = 2048;

    private static final Set<String> ACTIONS = Set.of("urlAction", "dialerAction", "mapAction", "calendarAction",
            "composeAction", "deviceAction");

    private ChipRules() {
    }

    static void chips(JsonNode suggestions, int max, String path) {
        if (!suggestions.isArray()) {
            throw PlatformError.parameter(PlatformError.CHIP_TYPE, path + " must be an array of chips");
        }
        if (suggestions.isEmpty()) {
            throw PlatformError.parameter(PlatformError.CHIP_COUNT,
                    path + " must not be empty; omit it when there are no chips");
        }
        if (suggestions.size() > max) {
            throw PlatformError.parameter(PlatformError.CHIP_COUNT,
                    path + " has " + suggestions.size() + " chips; at most " + max + " are allowed here");
        }
        for (int i = 0; i < suggestions.size(); i++) {
            chip(suggestions.get(i), path + "[" + i + "]");
        }
    }

    static void chip(JsonNode suggestion, String path) {
        if (!suggestion.isObject() || suggestion.size() != 1
                || !(suggestion.has("reply") || suggestion.has("action"))) {
            throw PlatformError.parameter(PlatformError.CHIP_TYPE,
                    path + " must be either {\"reply\":{...}} or {\"action\":{...}}");
        }
        boolean reply = suggestion.has("reply");
        String chipPath = path + (reply ? ".reply" : ".action");
        JsonNode chip = suggestion.get(reply ? "reply" : "action");
        if (!chip.isObject()) {
            throw PlatformError.parameter(PlatformError.CHIP_TYPE, chipPath + " must be an object");
        }
        displayText(chip, chipPath);
        postback(chip, chipPath);
        if (!reply) {
            action(chip, chipPath);
        }
    }

    static void displayText(JsonNode chip, String path) {
        JsonNode text = chip.get("displayText");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw PlatformError.parameter(PlatformError.CHIP_TEXT, path + ".displayText is required");
        }
        int length = Fields.length(text.asText());
        if (length > MAX_DISPLAY_TEXT) {
            throw PlatformError.parameter(PlatformError.CHIP_TEXT_LENGTH, path + ".displayText has " + length
                    + " characters; at most " + MAX_DISPLAY_TEXT + " are allowed");
        }
    }

    private static void postback(JsonNode chip, String path) {
        JsonNode data = chip.path("postback").get("data");
        if (data == null || !data.isTextual() || data.asText().isEmpty()) {
            throw PlatformError.parameter(PlatformError.CHIP_POSTBACK, path + ".postback.data is required");
        }
        int length = Fields.length(data.asText());
        if (length > MAX_POSTBACK) {
            throw PlatformError.parameter(PlatformError.CHIP_POSTBACK_LENGTH, path + ".postback.data has " + length
                    + " characters; at most " + MAX_POSTBACK + " are allowed");
        }
    }

    private static void action(JsonNode chip, String path) {
        List<String> kinds = new ArrayList<>();
        chip.fieldNames().forEachRemaining(name -> {
            if (ACTIONS.contains(name)) {
                kinds.add(name);
            }
        });
        if (kinds.size() != 1) {
            throw PlatformError.parameter(PlatformError.CHIP_TYPE,
                    path + " must have exactly one of " + String.join(", ", ACTIONS.stream().sorted().toList()));
        }
        String kind = kinds.get(0);
        JsonNode action = chip.get(kind);
        String actionPath = path + "." + kind;
        if (!action.isObject() || action.isEmpty()) {
            throw PlatformError.parameter(PlatformError.CHIP_TYPE, actionPath + " must be a non-empty object");
        }
        switch (kind) {
            case "urlAction" -> requireText(action.path("openUrl"), "url", actionPath + ".openUrl.url");
            case "dialerAction" -> {
                JsonNode dial = action.has("dialPhoneNumber") ? action.get("dialPhoneNumber")
                        : action.has("dialEnrichedCall") ? action.get("dialEnrichedCall")
                        : action.path("dialVideoCall");
                requireText(dial, "phoneNumber", actionPath + ".dialPhoneNumber.phoneNumber");
            }
            case "mapAction" -> {
                if (action.has("showLocation")) {
                    JsonNode location = action.path("showLocation").path("location");
                    if (!location.path("latitude").isNumber() || !location.path("longitude").isNumber()) {
                        throw PlatformError.parameter(PlatformError.CHIP_TYPE,
                                actionPath + ".showLocation.location needs numeric latitude and longitude");
                    }
                } else if (!action.path("requestLocationPush").isObject()) {
                    throw PlatformError.parameter(PlatformError.CHIP_TYPE,
                            actionPath + " must have showLocation or requestLocationPush");
                }
            }
            default -> {
                // calendar, compose and device actions carry free-form details the phone reads itself
            }
        }
    }

    private static void requireText(JsonNode parent, String name, String path) {
        JsonNode value = parent.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw PlatformError.parameter(PlatformError.CHIP_TYPE, path + " is required");
        }
    }
}
