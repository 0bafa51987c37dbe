package org.minhu.security;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * One account per role, for trying the console on the embedded default. Off in {@code %prod}
 * ({@code minhu.security.demo-accounts=false}): a real deployment starts with no account that
 * anyone could guess. The README names them.
 */
@ApplicationScoped
public class DemoAccounts {

    public static final String PASSWORD = "minhu-demo";

    record Demo(String username, Role role, String unit, String displayName, String phone, boolean unitHead) {
        Demo(String username, Role role, String unit, String displayName) {
            this(username, role, unit, displayName, null, false);
        }
    }

    static final List<Demo> ACCOUNTS = List.of(
            new Demo("operator", Role.OPERATOR, null, "接线员 王芳"),
            new Demo("handler", Role.HANDLER, "坂田街道城市建设办公室", "城建办 李强", "0755-8900 1201", false),
            // 城建办 has three people, so that its cases can be taken, assigned by its head and passed on
            new Demo("handler-2", Role.HANDLER, "坂田街道城市建设办公室", "城建办 王磊", "0755-8900 1202", false),
            new Demo("head", Role.HANDLER, "坂田街道城市建设办公室", "城建办主任 黄涛", "0755-8900 1200", true),
            new Demo("handler-env", Role.HANDLER, "坂田街道城市管理和综合执法队", "执法队 陈静"),
            new Demo("grid", Role.GRID, "坂田街道第五园社区第 3 网格", "网格员 赵磊"),
            new Demo("supervisor", Role.SUPERVISOR, null, "督办室 张敏"),
            new Demo("admin", Role.ADMIN, null, "系统管理员"),
            // one handler for each other unit the shipped categories name, so that every unit's demo cases have someone
            new Demo("handler-housing", Role.HANDLER, "坂田街道住房和建设办公室", "住建办 刘洋"),
            new Demo("handler-traffic", Role.HANDLER, "龙岗交警大队坂田中队", "交警中队 周杰"),
            new Demo("handler-education", Role.HANDLER, "坂田街道公共服务办公室（教育）", "公共服务办 吴婷"),
            new Demo("handler-civil", Role.HANDLER, "坂田街道民政办公室", "民政办 郑伟"),
            new Demo("handler-safety", Role.HANDLER, "坂田街道应急管理办公室", "应急办 孙磊"),
            new Demo("handler-mediation", Role.HANDLER, "坂田街道综治办人民调解委员会", "调委会 何丽"),
            new Demo("handler-market", Role.HANDLER, "龙岗区市场监督管理局坂田监管所", "市场监管所 马超"),
            new Demo("handler-service", Role.HANDLER, "坂田街道党群服务中心", "党群服务中心 林芳"),
            // the unit hierarchy (reference/units.yaml): a community works a case first, its street office takes it up after 2 days
            new Demo("handler-community", Role.HANDLER, "第五园社区工作站", "第五园社区 陈晓"),
            new Demo("handler-street", Role.HANDLER, "坂田街道办事处", "街道办 许明", null, true));

    /** The demo handler of a unit, if there is one. */
    public static java.util.Optional<String> handlerOf(String unit) {
        return ACCOUNTS.stream().filter(d -> d.role() == Role.HANDLER && d.unit().equals(unit))
                .map(Demo::username).findFirst();
    }

    void create(@Observes StartupEvent start, StaffDirectory directory,
                SecurityConfig config) {
        if (!config.demoAccounts()) {
            return;
        }
        for (Demo demo : ACCOUNTS) {
            if (!directory.exists(demo.username())) {
                directory.create(demo.username(), PASSWORD, demo.role(), demo.unit(), demo.displayName(), demo.phone(),
                        demo.unitHead());
                Log.infof("demo account %s (%s) created", demo.username(), demo.role().id());
            }
        }
    }
}
