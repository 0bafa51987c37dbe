package org.minhu.mockcarrier.push;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/** Runs the mock's delayed work: delivery reports after their delays and push re-deliveries. */
@ApplicationScoped
public class Timers {

    private static final Logger LOG = Logger.getLogger(Timers.class);

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "mock-carrier-timer");
        thread.setDaemon(true);
        return thread;
    });

    public void after(Duration delay, Runnable work) {
        scheduler.schedule(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("delayed work failed", e);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
