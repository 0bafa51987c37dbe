package org.minhu.open311;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.cases.CasesConfig;
import org.minhu.cases.Categories;
import org.minhu.open311.GeoReportViews.Discovery;
import org.minhu.open311.GeoReportViews.Endpoint;
import org.minhu.reference.ReferenceVersion;
import org.minhu.reference.ReferenceVersionRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * GeoReport v2 service discovery: this one endpoint, in XML and JSON, with whom to ask and how to
 * get a key. The changeset tells clients when to refresh the services they cache: the services are
 * the categories, which admins change while the service runs, and their definitions come from a file
 * read at start-up; so it is the latest of the last saved categories and this instance's start.
 */
// created at start-up, so that its start is the instance's
@ApplicationScoped
@Startup
class ServiceDiscovery {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    static final List<String> FORMATS = List.of("text/xml", "application/json");

    private final Open311Config config;
    private final ReferenceVersionRepository versions;
    private final ZoneId zone;
    private final Instant started;

    ServiceDiscovery(Open311Config config, ReferenceVersionRepository versions, CasesConfig cases, Clock clock) {
        this.config = config;
        this.versions = versions;
        this.zone = cases.zone();
        this.started = clock.instant();
    }

    Discovery describe(String url) {
        Instant changed = versions.latest(Categories.DOCUMENT).map(ReferenceVersion::getUpdatedAt)
                .filter(saved -> saved.isAfter(started)).orElse(started);
        String changeset = DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(changed.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
        return new Discovery(changeset, config.contact(), config.keyService(),
                List.of(new Endpoint(SPECIFICATION, url, changeset, "production", FORMATS)));
    }
}
