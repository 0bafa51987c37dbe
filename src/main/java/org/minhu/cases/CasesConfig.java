package org.minhu.cases;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

@ConfigMapping(prefix = "minhu.cases")
public interface CasesConfig {

    /** The city's time zone: the day in a case number is the resident's day, not UTC's. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** How far from a resident's place an open case of the same category counts as "nearby", to follow instead. */
    @WithDefault("300")
    double nearbyMeters();
}
