package org.minhu.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values read by native queries, whose Java type differs between H2 and PostgreSQL and between driver versions. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A timestamp column as an instant, whichever type the driver gave it as; null stays null. */
    public static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }
}
