package org.minhu.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Production does not start without {@code MINHU_SESSION_KEY}: with none, every instance would make
 * up a key of its own (staff signed out whenever a request reaches another instance or after a
 * restart). The key itself is never written to the log (the category that would print a temporary
 * key is kept at ERROR in application.properties).
 */
@ApplicationScoped
public class SessionKeyCheck {

    static final int MIN_LENGTH = 16;

    void check(@Observes StartupEvent start,
               @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> key) {
        refuseWithout(ConfigUtils.getProfiles(), key);
    }

    static void refuseWithout(List<String> profiles, Optional<String> key) {
        if (profiles.contains("prod") && key.map(String::strip).filter(k -> k.length() >= MIN_LENGTH).isEmpty()) {
            throw new IllegalStateException("MINHU_SESSION_KEY is not set (or shorter than " + MIN_LENGTH
                    + " characters): set the same key on every instance before starting in production");
        }
    }
}
