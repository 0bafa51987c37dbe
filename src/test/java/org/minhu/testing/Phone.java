package org.minhu.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A resident's phone in a test: sends through the mock carrier and returns what the bot showed
 * in answer, once the bot has gone quiet.
 */
public final class Phone {

    private static final Duration FIRST_ANSWER = Duration.ofSeconds(15);
    private static final long QUIET_MS = 500;

    private final String number;
    private int seen;

    public Phone(String number) {
        this.number = number;
        this.seen = MockCarrier.botMessages(number).size();
    }

    public Phone smsOnly() {
        MockCarrier.setSmsOnly(number, true);
        return this;
    }

    public String number() {
        return number;
    }

    public List<Map<String, Object>> send(String text) {
        MockCarrier.text(number, text);
        return answers();
    }

    public List<Map<String, Object>> tap(String displayText) {
        MockCarrier.tap(number, displayText);
        return answers();
    }

    public List<Map<String, Object>> tapPostback(String postback) {
        MockCarrier.tapPostback(number, postback);
        return answers();
    }

    public List<Map<String, Object>> share(double latitude, double longitude, String label) {
        MockCarrier.location(number, latitude, longitude, label);
        return answers();
    }

    public List<Map<String, Object>> photo(String name, byte[] bytes) {
        MockCarrier.file(number, name, "image/jpeg", bytes);
        return answers();
    }

    /** The bot messages that arrived since the last look, once no more come for a moment. */
    public List<Map<String, Object>> answers() {
        long until = System.nanoTime() + FIRST_ANSWER.toNanos();
        List<Map<String, Object>> all = MockCarrier.botMessages(number);
        while (all.size() <= seen && System.nanoTime() < until) {
            MockCarrier.sleep(50);
            all = MockCarrier.botMessages(number);
        }
        int count = all.size();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < QUIET_MS * 1_000_000) {
            MockCarrier.sleep(100);
            all = MockCarrier.botMessages(number);
            if (all.size() != count) {
                count = all.size();
                quietSince = System.nanoTime();
            }
        }
        List<Map<String, Object>> fresh = all.subList(seen, all.size());
        seen = all.size();
        return fresh;
    }

    public static String text(Map<String, Object> entry) {
        return (String) entry.get("text");
    }

    @SuppressWarnings("unchecked")
    public static List<String> chips(Map<String, Object> entry) {
        return ((List<Map<String, Object>>) entry.getOrDefault("chips", List.of())).stream()
                .map(c -> (String) c.get("displayText")).toList();
    }

    public static String all(List<Map<String, Object>> entries) {
        return String.join("\n", entries.stream().map(Phone::text).toList());
    }
}
