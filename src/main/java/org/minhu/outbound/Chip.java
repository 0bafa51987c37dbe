package org.minhu.outbound;

import java.util.Objects;

/**
 * A suggested chip: a reply that comes back with its postback, or an action the phone performs.
 * Built only through the factories, each of which checks the platform's limits.
 */
public record Chip(Kind kind, String displayText, String postback, String target, Double latitude, Double longitude) {

    public enum Kind { REPLY, DIAL, OPEN_URL, SHOW_LOCATION, REQUEST_LOCATION }

    public Chip {
        Objects.requireNonNull(kind, "kind");
        PlatformLimits.requireLength("chip displayText", displayText, 1, PlatformLimits.MAX_DISPLAY_TEXT);
        PlatformLimits.requireLength("chip postback", postback, 1, PlatformLimits.MAX_POSTBACK);
        if ((kind == Kind.DIAL || kind == Kind.OPEN_URL) && (target == null || target.isBlank())) {
            throw new PlatformLimitException(kind + " chip needs a target");
        }
        if (kind == Kind.SHOW_LOCATION && (latitude == null || longitude == null)) {
            throw new PlatformLimitException("SHOW_LOCATION chip needs a latitude and a longitude");
        }
    }

    public static Chip reply(String displayText, String postback) {
        return new Chip(Kind.REPLY, displayText, postback, null, null, null);
    }

    public static Chip dial(String displayText, String postback, String phoneNumber) {
        return new Chip(Kind.DIAL, displayText, postback, phoneNumber, null, null);
    }

    public static Chip openUrl(String displayText, String postback, String url) {
        return new Chip(Kind.OPEN_URL, displayText, postback, url, null, null);
    }

    public static Chip showLocation(String displayText, String postback, double latitude, double longitude, String label) {
        return new Chip(Kind.SHOW_LOCATION, displayText, postback, label, latitude, longitude);
    }

    public static Chip requestLocation(String displayText, String postback) {
        return new Chip(Kind.REQUEST_LOCATION, displayText, postback, null, null, null);
    }

    /** Whether typing this chip's number in a plain SMS can stand for tapping it. */
    public boolean answerable() {
        return kind == Kind.REPLY || kind == Kind.REQUEST_LOCATION;
    }
}
