package org.minhu.security;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * One account per role, for trying the console on the embedded default. Off in {@code %prod}
 * ({@code minhu.security.demo-accounts=false}): a real deployment starts with no account that
 * anyone could guess. The README names them.
 */
@ApplicationScoped
public class DemoAccounts {

    public static final String PASSWORD = "minhu-demo";

    record Demo(String username, Role role, String unit, String displayName) {
    }

    static final List<Demo> ACCOUNTS = List.of(
            new Demo("operator", Role.OPERATOR, null, "接线员 王芳"),
            new Demo("handler", Role.HANDLER, "坂田街道城市建设办公室", "城建办 李强"),
            new Demo("handler-env", Role.HANDLER, "坂田街道城市管理和综合执法队", "执法队 陈静"),
            new Demo("grid", Role.GRID, "坂田街道第五园社区第 3 网格", "网格员 赵磊"),
            new Demo("supervisor", Role.SUPERVISOR, null, "督办室 张敏"),
            new Demo("admin", Role.ADMIN, null, "系统管理员"));

    void create(@Observes StartupEvent start, StaffDirectory directory,
                @ConfigProperty(name = "minhu.security.demo-accounts", defaultValue = "false") boolean enabled) {
        if (!enabled) {
            return;
        }
        for (Demo demo : ACCOUNTS) {
            if (!directory.exists(demo.username())) {
                directory.create(demo.username(), PASSWORD, demo.role(), demo.unit(), demo.displayName());
                Log.infof("demo account %s (%s) created", demo.username(), demo.role().id());
            }
        }
    }
}
