package org.minhu.proactive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** 未诉先办: when new cases make a hot spot, and how fast notices may go out. */
@ConfigMapping(prefix = "minhu.proactive")
public interface ProactiveConfig {

    Hotspot hotspot();

    Notices notices();

    interface Hotspot {
        /** Cases of one category that make a hot spot... */
        @WithDefault("5")
        int minCases();

        /** ...within this distance of each other... */
        @WithDefault("500")
        double radiusMeters();

        /** ...filed within this time. A cluster stays open to new cases while one joined it this recently. */
        @WithDefault("2h")
        Duration window();
    }

    interface Notices {
        /**
         * Share of the carrier's quotas (per second and per day) notices may use; the rest is left
         * for conversation replies and case updates, which therefore never wait behind a campaign.
         */
        @WithDefault("0.5")
        double quotaShare();

        /** Messages a day the carrier allows this chatbot; 0 when it sets no daily limit. */
        @WithDefault("0")
        long dailyQuota();

        /** Recipients queued per transaction. */
        @WithDefault("100")
        int batchSize();

        /** While a notice is being sent, how often the dispatcher tops the outbox up. */
        @WithDefault("100ms")
        Duration every();

        /**
         * A notice's progress figures that took longer than this to compute are reused until they are
         * ten times as old as they took (a notice of 100,000 on PostgreSQL: about a second, so figures
         * up to some 10 s old); quicker ones, as for any small notice, are always computed afresh.
         */
        @WithDefault("200ms")
        Duration progressReusedAbove();
    }
}
