package org.minhu.cases;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

@ConfigMapping(prefix = "minhu.cases")
public interface CasesConfig {

    /** How often deadlines are checked (default in application.properties: a schedule reads it). */
    java.time.Duration slaCheck();

    /**
     * How often the morning reports (超期通报, 单位排名) are looked for, as a duration ({@code 10m}), or
     * {@code off} (tests that tell them themselves). Default in application.properties: a schedule reads it.
     */
    String reportCheck();

    /** From this time of the city's day, the day before's 超期通报 (and on Mondays the week's 单位排名) go to the supervisors. */
    @WithDefault("08:00")
    java.time.LocalTime reportsAt();

    /** The city's time zone: the day in a case number is the resident's day, not UTC's. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** How far from a resident's place an open case of the same category counts as "nearby", to follow instead. */
    @WithDefault("300")
    double nearbyMeters();

    /** Accept within this and call the resident back (新安: 15 minutes). */
    @WithDefault("15m")
    java.time.Duration acceptWithin();

    /** Not accepted after this (from dispatch), the case is escalated to the unit's head, or the supervisors. */
    @WithDefault("30m")
    java.time.Duration acceptEscalateAfter();

    /** A 疑难件's 办理意见 is owed this long after acceptance, unless the dispatch rules' opinionHours say otherwise (新安: 3 days). */
    @WithDefault("72h")
    java.time.Duration opinionWithin();

    /** New cases are routed by the dispatch rules at once; off, they wait for a dispatcher. */
    @WithDefault("true")
    boolean autoDispatch();

    /** A resolved case not rated after this gets one reminder. */
    @WithDefault("3d")
    java.time.Duration ratingReminderAfter();

    /** A resolved case still not rated after this is archived as unrated. */
    @WithDefault("6d")
    java.time.Duration archiveUnratedAfter();

    /** A resolved case whose resident has not rated after this is on the operators' call-back list (回访). */
    @WithDefault("3d")
    java.time.Duration callBackAfter();
}
