package org.minhu.mockcarrier.wire;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps as the platform writes them: China time with an explicit +08:00 offset. */
public final class WireTime {

    private static final ZoneId CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private WireTime() {
    }

    public static String now() {
        return format(Instant.now());
    }

    public static String format(Instant instant) {
        return DATE_TIME.format(instant.atZone(CHINA));
    }

    /** The form of a file link's {@code until}, e.g. {@code 2026-06-15T12:17:07Z}. */
    public static String utcSeconds(Instant instant) {
        return UTC_SECONDS.format(instant);
    }
}
