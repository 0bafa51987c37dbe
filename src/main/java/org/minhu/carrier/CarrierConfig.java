package org.minhu.carrier;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How Minhu reaches its carrier's 5G Message platform, and how it guards the pushes it gets. */
@ConfigMapping(prefix = "minhu.carrier")
public interface CarrierConfig {

    /** Base of the platform API, e.g. {@code http://127.0.0.1:8090}. */
    @WithDefault("http://127.0.0.1:8090")
    String serverRoot();

    @WithDefault("v1")
    String apiVersion();

    /** The chatbot's SIP URI; its URL-encoded form is the {@code chatbotId} in paths. */
    @WithDefault("sip:12345@botplatform.rcs.example.cn")
    String chatbotUri();

    @WithDefault("mh-demo-app")
    String appId();

    @WithDefault("mh-demo-key")
    String appKey();

    /** The token the platform signs its pushes with. */
    @WithDefault("mh-demo-token")
    String token();

    Push push();

    Send send();

    Media media();

    interface Push {
        /** How far a push's timestamp may be from our clock. */
        @WithDefault("300s")
        Duration window();

        /** Largest push body accepted, in bytes. */
        @WithDefault("1048576")
        int maxBodyBytes();
    }

    interface Send {
        /** Sends per second the platform allows this chatbot. */
        @WithDefault("50")
        int quotaPerSecond();

        @WithDefault("2s")
        Duration connectTimeout();

        @WithDefault("5s")
        Duration readTimeout();

        /** First retry delay; it doubles up to {@link #maxBackoff()}. */
        @WithDefault("500ms")
        Duration backoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** How long a claimed send may stay unanswered before another worker may retry it. */
        @WithDefault("30s")
        Duration lease();

        /**
         * Sends waiting for the platform's answer at once (each holds a pooled connection, not a
         * thread). The rate is then the quota, not this number divided by one send's latency.
         */
        @WithDefault("128")
        int maxInFlight();

        /**
         * Of those, at most this many a notice's (bulk) messages, so that replies and case updates
         * find room at once and wait behind fewer sends at the platform while a notice goes out. Up
         * to {@link #maxInFlight()}; lower trades the notice's pace for residents' reply times
         * (docs/OPERATIONS.md).
         */
        @WithDefault("128")
        int maxBulkInFlight();

        /** How often the outbox is swept for due sends that no signal woke. */
        @WithDefault("1s")
        Duration sweep();

        /** Token refreshed this long before it expires. */
        @WithDefault("300s")
        Duration tokenRefreshMargin();
    }

    interface Media {
        @WithDefault("10485760")
        long maxBytes();

        /** Voice notes (amr, mp4 audio, mp3) are what many older residents send instead of typing. */
        @WithDefault("image/jpeg,image/png,image/gif,image/webp,video/mp4,application/pdf,audio/amr,audio/mp4,audio/mpeg")
        List<String> allowedTypes();

        @WithDefault("10s")
        Duration timeout();

        /**
         * The platform's media hosts, as origins ({@code https://media.example.cn}, or with a port):
         * a file is fetched only from a URL whose scheme, host and port are exactly one of these.
         * Empty means the origin of the platform's server root.
         */
        Optional<List<String>> hosts();
    }
}
