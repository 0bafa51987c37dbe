package org.minhu.security;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Optional;

/**
 * A new deployment's way in: with {@code MINHU_FIRST_ADMIN_PASSWORD} set and no account yet, an
 * {@code admin} account is created with that password, who then creates everyone else. Once any
 * account exists the setting does nothing, so leaving it set cannot reset a password.
 */
@ApplicationScoped
public class FirstAdmin {

    void create(@Observes StartupEvent start, StaffDirectory directory,
                SecurityConfig config) {
        Optional<String> password = config.firstAdminPassword();
        if (password.isEmpty() || password.get().isBlank() || !directory.all().isEmpty()) {
            return;
        }
        directory.create("admin", password.get(), Role.ADMIN, null, "系统管理员");
        Log.info("first admin account created; sign in as admin and create the others");
    }
}
