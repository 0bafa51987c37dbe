package org.minhu.conversation;

import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.cases.CasesConfig;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times and short texts as a resident reads them, in the city's time zone and their language. */
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.CHINA);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH);

    private final ZoneId zone;

    public Formats(CasesConfig config) {
        this.zone = config.zone();
    }

    public String time(Instant instant, String language) {
        if (instant == null) {
            return "";
        }
        return (english(language) ? EN : ZH).format(instant.atZone(zone));
    }

    public static boolean english(String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("en");
    }

    public static String clip(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
