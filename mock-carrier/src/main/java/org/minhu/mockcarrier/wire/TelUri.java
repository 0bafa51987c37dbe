package org.minhu.mockcarrier.wire;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/** Residents' phone numbers as tel URIs ({@code tel:+8613800138000}). */
public final class TelUri {

    /** What the platform accepts in destinationAddress: a global number. */
    private static final Pattern STRICT = Pattern.compile("tel:\\+[0-9]{6,15}");
    private static final Pattern CHINA_MOBILE = Pattern.compile("1[0-9]{10}");
    private static final Pattern CHINA_MOBILE_WITH_CODE = Pattern.compile("861[0-9]{10}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{6,15}");

    private TelUri() {
    }

    public static boolean isStrict(String value) {
        return value != null && STRICT.matcher(value).matches();
    }

    /**
     * Reads what a script or the simulator page calls a phone: {@code tel:+86...}, {@code +86...},
     * {@code 86...} or an 11-digit mainland mobile number, URL-encoded or not.
     */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.contains("%") ? URLDecoder.decode(raw, StandardCharsets.UTF_8) : raw;
        value = value.trim().replace(" ", "").replace("-", "");
        if (value.regionMatches(true, 0, "tel:", 0, 4)) {
            value = value.substring(4);
        }
        String digits;
        if (value.startsWith("+")) {
            digits = value.substring(1);
        } else if (CHINA_MOBILE.matcher(value).matches()) {
            digits = "86" + value;
        } else if (CHINA_MOBILE_WITH_CODE.matcher(value).matches()) {
            digits = value;
        } else {
            return Optional.empty();
        }
        return DIGITS.matcher(digits).matches() ? Optional.of("tel:+" + digits) : Optional.empty();
    }
}
