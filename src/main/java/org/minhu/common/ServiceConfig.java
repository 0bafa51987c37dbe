package org.minhu.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the service as a whole; each key's default is written here and nowhere else. */
@ConfigMapping(prefix = "minhu")
public interface ServiceConfig {

    /**
     * The address the service is reached at. Redirects the service makes to itself (after signing in,
     * to the sign-in page) and links in residents' messages use it, never the Host header.
     */
    @WithDefault("http://127.0.0.1:8080")
    String publicUrl();

    /**
     * Where residents' files (and, in the embedded default, the H2 database) live, relative to the
     * working directory. Its default ({@code data}) is in application.properties, since Quarkus's own
     * datasource URL reads it too.
     */
    String dataDir();

    Demo demo();

    Operations operations();

    Reference reference();

    Console console();

    interface Reference {
        /**
         * How soon every instance picks up reference documents and flows saved on another. Its default
         * (5 s) is in application.properties, since schedules read it.
         */
        Duration refresh();
    }

    interface Console {
        /** How often the console looks for new cases and messages to push to open pages (default in application.properties). */
        Duration livePoll();
    }

    interface Demo {
        /** A few dozen demo cases on a first start with an empty database (README); never in production or tests. */
        @WithDefault("true")
        boolean cases();
    }

    interface Operations {
        /** The oldest reply unsent for longer than this turns the send-delay alert on (docs/OPERATIONS.md). */
        @WithDefault("5m")
        Duration sendDelayAlert();

        /** How often the backlog gauges are counted (default in application.properties: a schedule reads it). */
        Duration backlogCount();
    }
}
