package org.minhu.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A day named in a query (yyyy-MM-dd), as the report pages and the API take it. */
public final class Days {

    private Days() {
    }

    /** The day {@code text} names; null when it names none (blank); 400 naming {@code field} when it is not a day. */
    public static LocalDate parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, field + " is yyyy-MM-dd");
        }
    }
}
