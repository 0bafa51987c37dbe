package org.minhu.open311;

import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.cases.CasesConfig;
import org.minhu.cases.Categories;
import org.minhu.cases.Category;
import org.minhu.cases.ServiceCase;
import org.minhu.open311.GeoReportViews.Attribute;
import org.minhu.open311.GeoReportViews.AttributeValue;
import org.minhu.open311.GeoReportViews.CreatedRequest;
import org.minhu.open311.GeoReportViews.Service;
import org.minhu.open311.GeoReportViews.ServiceDefinition;
import org.minhu.open311.GeoReportViews.ServiceRequest;
import org.minhu.reference.LocalizedText;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Categories and cases as GeoReport v2 shows them. Times are W3C date-times in the city's zone;
 * the status is open while the case is being worked on and closed once it is resolved.
 */
@ApplicationScoped
class GeoReportMapper {

    /** Every request gets its service_request_id at once. */
    static final String TYPE = "realtime";
    private static final DateTimeFormatter NOTICE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Categories categories;
    private final ServiceDefinitions definitions;
    private final ZoneId zone;

    GeoReportMapper(Categories categories, ServiceDefinitions definitions, CasesConfig cases) {
        this.categories = categories;
        this.definitions = definitions;
        this.zone = cases.zone();
    }

    Service service(Category category, String language) {
        return new Service(category.code(), category.name().in(language), category.description().in(language),
                !definitions.attributes(category.code()).isEmpty(), TYPE, String.join(",", category.keywords()),
                definitions.group(language));
    }

    ServiceDefinition definition(Category category, String language) {
        List<Attribute> attributes = new ArrayList<>();
        List<AttributeDefinition> defined = definitions.attributes(category.code());
        for (int i = 0; i < defined.size(); i++) {
            AttributeDefinition attribute = defined.get(i);
            attributes.add(new Attribute(true, attribute.code(), attribute.datatype().wireName(), attribute.required(),
                    in(attribute.datatypeDescription(), language), i + 1, attribute.description().in(language),
                    attribute.values().stream().map(v -> new AttributeValue(v.key(), v.name().in(language))).toList()));
        }
        return new ServiceDefinition(category.code(), attributes);
    }

    ServiceRequest request(ServiceRequests.Found found, String language) {
        ServiceCase c = found.serviceCase();
        return new ServiceRequest(c.getNumber(), c.isOpen() ? "open" : "closed", found.statusNotes(),
                categories.find(c.getCategory()).map(k -> k.name().in(language)).orElse(c.getCategory()),
                c.getCategory(), c.getDescription(), c.getUnit(), notice(c, language),
                w3c(c.getCreatedAt()), w3c(c.getUpdatedAt()), w3c(c.getDueAt()),
                c.getAddress(), null, null, c.getLatitude(), c.getLongitude(),
                found.details() == null ? null : found.details().getMediaUrl());
    }

    CreatedRequest created(ServiceRequests.Found found, String language) {
        ServiceCase c = found.serviceCase();
        return new CreatedRequest(c.getNumber(), notice(c, language), found.details().getAccountId());
    }

    /** What the resident can expect: the deadline while open, the day it was resolved once closed. */
    String notice(ServiceCase c, String language) {
        boolean english = LocalizedText.isEnglish(language);
        if (c.isOpen()) {
            String due = NOTICE_TIME.format(c.getDueAt().atZone(zone));
            return english ? "Expected to be resolved by " + due : "预计 " + due + " 前办结";
        }
        if (c.getResolvedAt() == null) {
            return null;
        }
        String resolved = NOTICE_TIME.format(c.getResolvedAt().atZone(zone));
        return english ? "Resolved on " + resolved : "已于 " + resolved + " 办结";
    }

    private String w3c(Instant instant) {
        return instant == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
    }

    private static String in(LocalizedText text, String language) {
        return text == null ? null : text.in(language);
    }
}
