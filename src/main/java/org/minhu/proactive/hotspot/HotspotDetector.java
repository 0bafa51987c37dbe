package org.minhu.proactive.hotspot;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.minhu.cases.CaseChanged;
import org.minhu.cases.CaseEvent;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.DispatchRules;
import org.minhu.cases.Geo;
import org.minhu.cases.ServiceCase;
import org.minhu.proactive.ProactiveConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Clusters new cases as they are filed: a case joins an active hot spot of its category within the
 * radius, or, with enough unclustered cases of its category near it in the window, raises a new
 * one. The category is locked meanwhile, so a cluster raises one alert even when its cases arrive
 * at the same moment.
 *
 * <p>It runs just after the filing commits, on one thread per instance, in a short transaction for
 * the cases filed since it last looked (one commit each made it fall behind a burst of filings), not
 * inside the filing: there the category's lock was held until the whole turn
 * committed, so every resident filing a case of that category waited for the others (the bench
 * measured 400 ms per filing on the lock alone). A case filed just before a crash may miss its
 * clustering; hot spots are advice to supervisors, and the next case nearby raises or joins it.
 *
 * <p>It reads the filed case, the hot spots and the cases near it as plain rows of the few columns
 * it needs, not as entities: it runs after every filing, and loading whole cases to read their place
 * and time cost a tenth of the service's CPU under load (issue 14).
 */
@ApplicationScoped
public class HotspotDetector {

    /** Who links a case that joins a hot spot already made into a parent case. */
    public static final String ACTOR = "hotspot";

    private final HotspotAlertRepository alerts;
    private final HotspotReads reads;
    private final EntityManager em;
    private final CaseLifecycle lifecycle;
    private final DispatchRules rules;
    private final MeterRegistry metrics;
    private final int minCases;
    private final double radius;
    private final Duration window;
    /** Cases per transaction: a burst of filings is clustered in a few commits, not one each. */
    private static final int MAX_BATCH = 50;
    private final ConcurrentLinkedQueue<Filed> queued = new ConcurrentLinkedQueue<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hotspot-detect");
        t.setDaemon(true);
        return t;
    });

    public HotspotDetector(HotspotAlertRepository alerts, HotspotReads reads, EntityManager em, CaseLifecycle lifecycle,
                           DispatchRules rules, MeterRegistry metrics, ProactiveConfig config) {
        this.alerts = alerts;
        this.reads = reads;
        this.em = em;
        this.lifecycle = lifecycle;
        this.rules = rules;
        this.metrics = metrics;
        this.minCases = Math.max(2, config.hotspot().minCases());
        this.radius = config.hotspot().radiusMeters();
        this.window = config.hotspot().window();
    }

    void onFiled(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaseChanged change) {
        if (change.kind() != CaseEvent.Kind.FILED) {
            return;
        }
        ServiceCase filed = change.serviceCase();
        if (filed.getLatitude() == null || filed.getLongitude() == null || Hotspots.CHANNEL.equals(filed.getChannel())) {
            return;
        }
        queued.add(new Filed(filed.getId(), filed.getCategory()));
        worker.execute(this::drain);
    }

    private record Filed(long id, String category) {
    }

    /**
     * Clusters the cases filed since the last look in one transaction, sorted by category and filing:
     * one commit for many filings, each category's lock taken once, and on every instance in the same
     * order, so two instances' batches cannot deadlock. A batch that fails is done again case by case.
     */
    private void drain() {
        List<Filed> batch = new ArrayList<>();
        for (Filed next; batch.size() < MAX_BATCH && (next = queued.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        batch.sort(Comparator.comparing(Filed::category).thenComparingLong(Filed::id));
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Set<String> locked = new HashSet<>();
                for (Filed f : batch) {
                    if (locked.add(f.category())) {
                        alerts.lock(f.category());
                    }
                    detect(f.id(), f.category());
                    // the next case's plain reads see what this one wrote
                    em.flush();
                }
            });
        } catch (RuntimeException batchFailed) {
            for (Filed f : batch) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        alerts.lock(f.category());
                        detect(f.id(), f.category());
                    });
                } catch (RuntimeException e) {
                    Log.warnf(e, "hot-spot detection for case %d failed", f.id());
                }
            }
        }
    }

    /** Waits until every case filed so far has been clustered (tests, and an orderly shutdown). */
    public void awaitIdle(Duration atMost) {
        try {
            worker.submit(() -> { }).get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("hot-spot detection did not settle in " + atMost, e);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdown();
    }

    /**
     * Clusters one filed case. The common outcomes, joining a hot spot near it and finding too few
     * cases near it to raise one, read cases and hot spots as a few columns ({@link HotspotReads});
     * only the hot spot joined is loaded as an entity, locked, and raising one (rare) writes entities.
     */
    private void detect(long id, String category) {
        // under the category's lock (the category never changes after filing, FiledRequest, so the
        // event's is the row's); read under the lock: a cluster raised for a case filed just before this one may have taken it in
        HotspotReads.Filed filed = reads.filed(id);
        if (filed == null || filed.clustered() || !filed.clusterable()) {
            return;
        }
        Instant at = filed.createdAt();
        Instant since = at.minus(window);
        HotspotReads.AlertPlace nearest = reads.active(category, since).stream()
                .filter(a -> distance(a, filed) <= radius)
                .min(Comparator.comparingDouble(a -> distance(a, filed)))
                .orElse(null);
        if (nearest != null) {
            // a supervisor may be merging or closing it right now: read it again under its row lock (nothing
            // in this transaction loaded it before, so this is the row as it stands once the lock is ours)
            HotspotAlert near = em.find(HotspotAlert.class, nearest.id(), LockModeType.PESSIMISTIC_WRITE);
            if (near != null && near.getState().active()) {
                join(near, filed, at);
                return;
            }
        }
        List<HotspotReads.CasePlace> cluster = unclustered(filed, since);
        if (cluster.size() >= minCases) {
            raise(category, cluster, at);
        }
    }

    private void join(HotspotAlert alert, HotspotReads.Filed filed, Instant at) {
        alert.joined(at);
        alerts.addCase(alert.getId(), filed.id(), at);
        if (alert.getState() == HotspotAlert.State.MERGED && alert.getParentCase() != null) {
            lifecycle.link(filed.number(), alert.getParentCase(), ACTOR);
        }
    }

    private void raise(String category, List<HotspotReads.CasePlace> cluster, Instant at) {
        double latitude = cluster.stream().mapToDouble(HotspotReads.CasePlace::latitude).average().orElseThrow();
        double longitude = cluster.stream().mapToDouble(HotspotReads.CasePlace::longitude).average().orElseThrow();
        Instant first = cluster.stream().map(HotspotReads.CasePlace::createdAt).min(Instant::compareTo).orElseThrow();
        HotspotAlert alert = new HotspotAlert(category, latitude, longitude,
                rules.area(latitude, longitude).map(DispatchRules.Area::code).orElse(null), cluster.size(), first, at, at);
        alerts.persist(alert);
        for (HotspotReads.CasePlace c : cluster) {
            alerts.addCase(alert.getId(), c.id(), at);
        }
        metrics.counter("minhu.hotspot.alerts", "category", category).increment();
        Log.infof("hot spot %d raised: %d %s cases within %.0f m of %.5f,%.5f", alert.getId(), cluster.size(), category,
                radius, latitude, longitude);
    }

    /**
     * Cases of the category filed in the window within the radius of this one (itself included), in
     * no cluster yet: those in the box around the radius, read as their places, then measured.
     */
    private List<HotspotReads.CasePlace> unclustered(HotspotReads.Filed filed, Instant since) {
        double latitude = filed.latitude();
        double longitude = filed.longitude();
        Geo.Box box = Geo.box(latitude, longitude, radius);
        return reads.unclustered(filed.category(), since, box.south(), box.north(), box.west(), box.east()).stream()
                .filter(c -> Geo.distanceMeters(latitude, longitude, c.latitude(), c.longitude()) <= radius)
                .toList();
    }

    private static double distance(HotspotReads.AlertPlace alert, HotspotReads.Filed c) {
        return Geo.distanceMeters(alert.latitude(), alert.longitude(), c.latitude(), c.longitude());
    }
}
