package org.minhu.proactive.notice;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * Who a notice is for, as staff choose it:
 * <ul>
 *   <li>{@code cases}: residents with cases in an area ({@code area} code of the dispatch rules, or
 *       {@code latitude}/{@code longitude}/{@code radiusMeters}) and/or of a {@code category}, optionally
 *       filed {@code since} a time and only {@code openOnly};</li>
 *   <li>{@code case}: the resident of a case and everyone following it or linked to it (about their own case);</li>
 *   <li>{@code subscribers}: residents subscribed to a {@code topic} or to an {@code area};</li>
 *   <li>{@code list}: the given {@code phones}.</li>
 * </ul>
 */
public record Audience(String kind, String area, Double latitude, Double longitude, Double radiusMeters,
                       String category, Instant since, Boolean openOnly, @JsonProperty("case") String caseNumber,
                       String topic, List<String> phones) {

    public static final String CASES = "cases";
    public static final String CASE = "case";
    public static final String SUBSCRIBERS = "subscribers";
    public static final String LIST = "list";
}
