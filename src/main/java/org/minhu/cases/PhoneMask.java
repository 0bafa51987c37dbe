package org.minhu.cases;

/** A resident's number as staff see it: 13800138000 in full, or 138****8000 for roles that do not call them. */
public final class PhoneMask {

    private PhoneMask() {
    }

    /** The number without the tel: URI and the country code. */
    public static String plain(String phone) {
        if (phone == null || phone.isBlank()) {
            return "—";
        }
        String digits = phone.strip();
        if (digits.startsWith("tel:")) {
            digits = digits.substring(4);
        }
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        return digits;
    }

    public static String mask(String phone) {
        String digits = plain(phone);
        if (digits.equals("—")) {
            return digits;
        }
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }
}
