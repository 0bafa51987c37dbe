package org.minhu.common;

import jakarta.persistence.EntityManager;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import java.sql.Connection;
import java.sql.SQLException;

/** What the few statements that only PostgreSQL has (`set local`, `analyze`) need to know. */
public final class Databases {

    private Databases() {
    }

    /** Whether this persistence unit runs on PostgreSQL (the %prod build) rather than H2 (the embedded default). */
    public static boolean postgres(EntityManager em) {
        return em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
                .getDialect() instanceof PostgreSQLDialect;
    }

    /** The same, for code that works on a JDBC connection of its own. */
    public static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }
}
