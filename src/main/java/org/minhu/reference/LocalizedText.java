package org.minhu.reference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A text in the two languages residents can choose: Chinese (zh-CN, the default) and English. */
public record LocalizedText(String zh, String en) {

    @JsonCreator
    public LocalizedText(@JsonProperty(value = "zh-CN", required = true) String zh,
                         @JsonProperty(value = "en", required = true) String en) {
        if (zh == null || zh.isBlank() || en == null || en.isBlank()) {
            throw new IllegalArgumentException("a text needs both zh-CN and en");
        }
        this.zh = zh.strip();
        this.en = en.strip();
    }

    /** The text for a resident's language code; anything but English reads Chinese. */
    public String in(String language) {
        return isEnglish(language) ? en : zh;
    }

    public static boolean isEnglish(String language) {
        return language != null && language.regionMatches(true, 0, "en", 0, 2);
    }
}
