package org.minhu.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.minhu.common.Databases;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Hands out case numbers, {@code MH-YYYYMMDD-NNNN}, NNNN counting from 0001 each day. The day's
 * counter row is locked by the update that takes the next number, so two filings on any two
 * instances never get the same one.
 */
@ApplicationScoped
public class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final DataSource db;

    public CaseNumbers(DataSource db) {
        this.db = db;
    }

    /**
     * In its own short transaction, so the day's row is not held locked for the whole of a
     * resident's turn; a filing that rolls back afterwards leaves a gap in the day's numbers,
     * which is harmless. Over the transaction's JDBC connection, without a Hibernate session: on
     * PostgreSQL one round trip takes the number, and one more the first time in a day.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String next(LocalDate day) {
        try (Connection c = db.getConnection()) {
            boolean postgres = Databases.postgres(c);
            // every filing of the day waits here for the one before it to commit: the day's row is created
            // only by the first filing of the day (an insert that meets a row being updated waits for that
            // update to commit, as the update does, so trying it every time doubled the wait)
            Integer taken = increment(c, day, postgres);
            if (taken == null) {
                try (PreparedStatement create = c.prepareStatement("""
                        insert into case_number_counter (case_day, last_number) values (?, 0)
                        on conflict do nothing""")) {
                    create.setObject(1, day);
                    create.executeUpdate();
                }
                taken = increment(c, day, postgres);
            }
            return format(day, taken);
        } catch (SQLException e) {
            throw new PersistenceException("no case number taken for " + day, e);
        }
    }

    /** The day's next number, or null when the day has no row yet. */
    private static Integer increment(Connection c, LocalDate day, boolean postgres) throws SQLException {
        if (postgres) {
            // the day's row stays locked until this commits, and every filing of the day waits for it: the
            // commit need not wait for its WAL to reach the disk (2-7 ms a filing under load). A crash that
            // loses this increment loses every case numbered with it too: a case's own commit is later in
            // the WAL and waits for the disk, and the WAL is flushed in order, so no number is given twice.
            // Both statements go in one round trip; the day is a date, written as a literal.
            try (Statement both = c.createStatement()) {
                both.execute("set local synchronous_commit = off; update case_number_counter set last_number = last_number + 1"
                        + " where case_day = date '" + day + "' returning last_number");
                do {
                    try (ResultSet row = both.getResultSet()) {
                        if (row != null) {
                            return row.next() ? row.getInt(1) : null;
                        }
                    }
                } while (both.getMoreResults() || both.getUpdateCount() != -1);
                throw new SQLException("the counter's update returned no result");
            }
        }
        try (PreparedStatement update = c.prepareStatement("""
                select last_number from final table
                (update case_number_counter set last_number = last_number + 1 where case_day = ?)""")) {
            update.setObject(1, day);
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? row.getInt(1) : null;
            }
        }
    }

    static String format(LocalDate day, int sequence) {
        return "MH-%s-%04d".formatted(DAY.format(day), sequence);
    }
}
