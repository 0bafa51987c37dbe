package org.minhu.proactive.notice;

import java.util.Optional;

/** Phone numbers as staff type them, as the tel URIs residents are known by. */
final class Phones {

    private Phones() {
    }

    /** {@code 13800138000}, {@code 8613800138000}, {@code +86 138 0013 8000} or {@code tel:+8613800138000}. */
    static Optional<String> telUri(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String s = typed.strip().replaceAll("[\\s-]", "");
        if (s.startsWith("tel:")) {
            s = s.substring(4);
        }
        if (s.matches("1[3-9][0-9]{9}")) {
            return Optional.of("tel:+86" + s);
        }
        if (s.matches("861[3-9][0-9]{9}")) {
            return Optional.of("tel:+" + s);
        }
        if (s.matches("\\+[1-9][0-9]{6,14}")) {
            return Optional.of("tel:" + s);
        }
        return Optional.empty();
    }
}
