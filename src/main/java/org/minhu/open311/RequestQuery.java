package org.minhu.open311;

import org.minhu.cases.CaseState;
import org.minhu.cases.Categories;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The filters of {@code GET requests.json}, with the GeoReport v2 names and rules: a list of
 * {@code service_request_id} overrides every other filter; otherwise requests filed between
 * {@code start_date} and {@code end_date} (at most 90 days apart, the last 90 days when neither
 * is given), of the listed {@code service_code}s and {@code status}es; at most 1000 of them.
 *
 * @param ids    case numbers, upper case; empty when the other filters apply
 * @param codes  service codes; empty for all
 * @param states the case states the listed statuses stand for; empty for all
 */
record RequestQuery(List<String> ids, Set<String> codes, Set<CaseState> states, Instant start, Instant end) {

    static final Duration WINDOW = Duration.ofDays(90);
    static final int MAX_RESULTS = 1000;
    private static final DateTimeFormatter W3C = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    static RequestQuery ofIds(String ids) {
        List<String> numbers = list(ids).stream().map(id -> id.toUpperCase(Locale.ROOT)).distinct().toList();
        if (numbers.size() > MAX_RESULTS) {
            throw GeoReportException.badRequest("service_request_id lists at most " + MAX_RESULTS + " requests");
        }
        return new RequestQuery(numbers, Set.of(), Set.of(), null, null);
    }

    /** @throws GeoReportException 400 naming the filter that does not fit */
    static RequestQuery read(String ids, String serviceCodes, String status, String startDate, String endDate,
                             Categories categories, Instant now, ZoneId zone) {
        if (!list(ids).isEmpty()) {
            return ofIds(ids);
        }
        Set<String> codes = new LinkedHashSet<>(list(serviceCodes));
        for (String code : codes) {
            if (categories.find(code).isEmpty()) {
                throw GeoReportException.badRequest("service_code " + GeoReportException.shown(code) + " is not a service; see services.json");
            }
        }
        Set<CaseState> states = EnumSet.noneOf(CaseState.class);
        for (String one : list(status)) {
            switch (one.toLowerCase(Locale.ROOT)) {
                case "open" -> states.addAll(CaseState.OPEN);
                case "closed" -> states.addAll(EnumSet.complementOf(EnumSet.copyOf(CaseState.OPEN)));
                default -> throw GeoReportException.badRequest("status is open or closed, not " + GeoReportException.shown(one));
            }
        }
        Instant start = instant("start_date", startDate, zone);
        Instant end = instant("end_date", endDate, zone);
        if (start == null && end == null) {
            end = now;
        }
        if (start == null) {
            start = end.minus(WINDOW);
        } else if (end == null) {
            end = start.plus(WINDOW);
        }
        if (end.isBefore(start)) {
            throw GeoReportException.badRequest("end_date is before start_date");
        }
        if (Duration.between(start, end).compareTo(WINDOW) > 0) {
            throw GeoReportException.badRequest("start_date and end_date may be at most 90 days apart");
        }
        return new RequestQuery(List.of(), codes, states, start, end);
    }

    boolean byIds() {
        return !ids.isEmpty();
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** W3C date and time; without an offset, or a date alone, it is the city's time. */
    private static Instant instant(String name, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            TemporalAccessor parsed = W3C.parseBest(text.strip(), OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            if (parsed instanceof OffsetDateTime dateTime) {
                return dateTime.toInstant();
            }
            if (parsed instanceof LocalDateTime dateTime) {
                return dateTime.atZone(zone).toInstant();
            }
            return ((LocalDate) parsed).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw GeoReportException.badRequest(name + " is not a W3C date and time (e.g. 2026-06-01T00:00:00+08:00): "
                    + GeoReportException.shown(text.strip()));
        }
    }
}
