package org.minhu.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Staff accounts and sessions; each key's default is written here and nowhere else. */
@ConfigMapping(prefix = "minhu.security")
public interface SecurityConfig {

    /** Session, session-version and CSRF cookies marked Secure (production sits behind HTTPS, possibly ended at a proxy). */
    @WithDefault("false")
    boolean secureCookies();

    /** One demo account per role (README); never in production. */
    @WithDefault("true")
    boolean demoAccounts();

    /** A new deployment's first admin account (README): created on a start that finds no account. */
    Optional<String> firstAdminPassword();

    SignIn signIn();

    /**
     * Who may read metrics, the OpenAPI document and Swagger UI: {@code permit} (anyone) or
     * {@code management-role} (supervisors and admins). Quarkus's own permission settings read it, so its
     * default is in application.properties.
     */
    String managementPolicy();

    /** Password guessing: after this many wrong passwords in a row an account accepts none for this long. */
    interface SignIn {
        @WithDefault("5")
        int maxFailures();

        @WithDefault("15m")
        Duration lock();
    }
}
