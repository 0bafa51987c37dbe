package org.minhu.testing;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A resident's phone in a test: sends through the mock carrier and returns what the bot showed in
 * answer, once the service has {@link Settled settled} (handled the message, and every answer is on
 * the phone), so a test may also check what did not come.
 */
public final class Phone {

    private static final Duration FIRST_ANSWER = Duration.ofSeconds(15);

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

    /** What the bot showed in answer, once the service has handled the message: possibly nothing. */
    public List<Map<String, Object>> send(String text) {
        MockCarrier.text(number, text);
        return handled();
    }

    public List<Map<String, Object>> tap(String displayText) {
        MockCarrier.tap(number, displayText);
        return handled();
    }

    public List<Map<String, Object>> tapPostback(String postback) {
        MockCarrier.tapPostback(number, postback);
        return handled();
    }

    public List<Map<String, Object>> share(double latitude, double longitude, String label) {
        MockCarrier.location(number, latitude, longitude, label);
        return handled();
    }

    public List<Map<String, Object>> photo(String name, byte[] bytes) {
        MockCarrier.file(number, name, "image/jpeg", bytes);
        return handled();
    }

    /**
     * What the service sent of its own accord (a case update, a notice) since the last look: waits for
     * at least one message, then until the service has settled, so what came with it is there too.
     */
    public List<Map<String, Object>> answers() {
        Awaitility.await("a message on " + number)
                .atMost(FIRST_ANSWER)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Settled.settled(number) && MockCarrier.botMessages(number).size() > seen);
        return fresh();
    }

    /** The message the resident sent is stored once the push is answered: settled means it is handled. */
    private List<Map<String, Object>> handled() {
        Settled.await(number);
        return fresh();
    }

    private List<Map<String, Object>> fresh() {
        List<Map<String, Object>> all = MockCarrier.botMessages(number);
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
