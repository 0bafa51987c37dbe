package org.minhu.open311;

import java.util.regex.Pattern;

/**
 * The phone number an Open311 request gives. A mainland mobile number becomes the resident's
 * identity, written as residents are known over 5G Messages ({@code tel:+8613800138000}), so the
 * case shows among their requests there. Any other plausible number (a landline, a number
 * abroad) is kept only for staff to call back.
 *
 * @param mobile the resident's number as 5G Messages knows it, or null
 * @param other  a number 5G updates cannot reach, or null
 */
record ContactPhone(String mobile, String other) {

    static final ContactPhone NONE = new ContactPhone(null, null);

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern DIGITS = Pattern.compile("\\+?\\d+");
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 15;

    /** @throws GeoReportException 400 when the text is clearly not a phone number */
    static ContactPhone parse(String given) {
        if (given == null || given.isBlank()) {
            return NONE;
        }
        String compact = SEPARATORS.matcher(given.strip()).replaceAll("");
        if (compact.regionMatches(true, 0, "tel:", 0, 4)) {
            compact = compact.substring(4);
        }
        if (!DIGITS.matcher(compact).matches()) {
            throw invalid(given);
        }
        String international = compact.startsWith("+") ? compact.substring(1)
                : compact.startsWith("00") ? compact.substring(2) : null;
        String national;
        if (international != null) {
            national = international.startsWith("86") ? international.substring(2) : null;
        } else {
            national = compact.length() == 13 && compact.startsWith("861") ? compact.substring(2) : compact;
        }
        if (national != null && national.startsWith("1")) {
            if (!MAINLAND_MOBILE.matcher(national).matches()) {
                throw invalid(given);
            }
            return new ContactPhone("tel:+86" + national, null);
        }
        int digits = compact.length() - (compact.startsWith("+") ? 1 : 0);
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw invalid(given);
        }
        return new ContactPhone(null, compact);
    }

    private static GeoReportException invalid(String given) {
        return GeoReportException.badRequest("phone is not a valid phone number: " + GeoReportException.shown(given.strip()));
    }
}
