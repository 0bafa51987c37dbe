package org.minhu.common;

import jakarta.persistence.EntityManager;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** What the few statements that only PostgreSQL has (`set local`, `analyze`) need to know. */
public final class Databases {

    private Databases() {
    }

    /** Whether this persistence unit runs on PostgreSQL (the %prod build) rather than H2 (the embedded default). */
    public static boolean postgres(EntityManager em) {
        return em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
                .getDialect() instanceof PostgreSQLDialect;
    }
}
