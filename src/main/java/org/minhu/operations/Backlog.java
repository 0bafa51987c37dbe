package org.minhu.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.minhu.common.ServiceConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The work waiting in the database, shared by every instance: residents' messages not yet
 * answered, and replies not yet accepted by the platform. Counted every 15 s (not per scrape) into
 * the gauges {@code minhu_inbound_pending}, {@code minhu_outbox_pending} and
 * {@code minhu_outbox_oldest_pending_seconds}; the wellness check {@code minhu-backlog} turns DOWN
 * when a reply has waited longer than {@code minhu.operations.send-delay-alert}, which almost
 * always means the platform is down or refusing us. It never touches readiness: pushes must keep
 * being stored while the platform is away.
 */
@Wellness
@ApplicationScoped
public class Backlog implements HealthCheck {

    private record Figures(long inboundPending, long outboxPending, double oldestPendingSeconds) {
    }

    private final Clock clock;
    private final Duration alertAfter;
    private volatile Figures figures;
    private volatile String problem = "not counted yet";

    public Backlog(Clock clock, MeterRegistry metrics,
                   ServiceConfig config) {
        this.clock = clock;
        this.alertAfter = config.operations().sendDelayAlert();
        Gauge.builder("minhu.inbound.pending", this, b -> b.figures == null ? Double.NaN : b.figures.inboundPending())
                .description("residents' messages stored but not yet answered").register(metrics);
        Gauge.builder("minhu.outbox.pending", this, b -> b.figures == null ? Double.NaN : b.figures.outboxPending())
                .description("replies written but not yet accepted by the platform").register(metrics);
        Gauge.builder("minhu.outbox.oldest.pending.seconds", this,
                        b -> b.figures == null ? Double.NaN : b.figures.oldestPendingSeconds())
                .description("how long the oldest reply not yet accepted by the platform has waited").register(metrics);
    }

    @Scheduled(every = "${minhu.operations.backlog-count}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void count() {
        try {
            figures = QuarkusTransaction.requiringNew().call(this::read);
            problem = null;
        } catch (RuntimeException e) {
            problem = "could not count: " + e.getClass().getSimpleName();
        }
    }

    private Figures read() {
        var em = Panache.getEntityManager();
        long inbound = ((Number) em.createNativeQuery(
                "select count(*) from inbound_message where processed_at is null").getSingleResult()).longValue();
        Object[] outbox = (Object[]) em.createNativeQuery(
                "select count(*), min(created_at) from outbound_message where status in ('PENDING', 'SENDING')")
                .getSingleResult();
        long pending = ((Number) outbox[0]).longValue();
        Instant oldest = outbox[1] == null ? null : toInstant(outbox[1]);
        double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
        return new Figures(inbound, pending, age);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("minhu-backlog");
        Figures now = figures;
        if (problem != null || now == null) {
            return response.down().withData("problem", String.valueOf(problem)).build();
        }
        return response.status(now.oldestPendingSeconds() <= alertAfter.toSeconds())
                .withData("inboundPending", now.inboundPending())
                .withData("outboxPending", now.outboxPending())
                .withData("oldestPendingSeconds", Math.round(now.oldestPendingSeconds()))
                .build();
    }
}
