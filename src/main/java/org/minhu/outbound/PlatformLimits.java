package org.minhu.outbound;

/** The limits a real 5G Message platform enforces; nothing outside them can be built. */
public final class PlatformLimits {

    public static final int MAX_CHIPS = 11;
    public static final int MAX_CARD_CHIPS = 4;
    public static final int MAX_DISPLAY_TEXT = 25;
    public static final int MIN_CAROUSEL_CARDS = 2;
    public static final int MAX_CAROUSEL_CARDS = 12;
    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_POSTBACK = 2048;
    public static final int MAX_TEXT = 2000;
    public static final long MAX_IMAGE_BYTES = 2L * 1024 * 1024;
    public static final long MAX_VIDEO_BYTES = 10L * 1024 * 1024;
    public static final long MAX_THUMBNAIL_BYTES = 200L * 1024;

    private PlatformLimits() {
    }

    static String requireLength(String what, String value, int min, int max) {
        if (value == null) {
            throw new PlatformLimitException(what + " is missing");
        }
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw new PlatformLimitException(what + " must be " + min + "–" + max + " characters, was " + length);
        }
        return value;
    }

    static String optionalLength(String what, String value, int max) {
        return value == null ? null : requireLength(what, value, 1, max);
    }

    static void requireCount(String what, int count, int min, int max) {
        if (count < min || count > max) {
            throw new PlatformLimitException(what + " must number " + min + "–" + max + ", was " + count);
        }
    }
}
