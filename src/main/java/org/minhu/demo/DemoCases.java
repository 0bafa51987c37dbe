package org.minhu.demo;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.minhu.cases.CaseEvent;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.CaseService;
import org.minhu.cases.CaseState;
import org.minhu.cases.NewCase;
import org.minhu.cases.Rating;
import org.minhu.cases.ServiceCase;
import org.minhu.common.ServiceConfig;
import org.minhu.security.DemoAccounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A few dozen cases for a first start of the embedded default, so that the inbox, the dashboard,
 * the map and the echo wall have something to show: several categories, units, places and states,
 * filed over the last week, some resolved and rated, some overdue. Only when
 * {@code minhu.demo.cases} is on (the embedded default; off in {@code %prod} and in tests) and the
 * database holds no case at all. Each case goes through the real {@link CaseService} and
 * {@link CaseLifecycle}, then its times are moved back to when it would have happened.
 */
@ApplicationScoped
public class DemoCases {

    /** A place residents name, with where it is. */
    record Place(String name, double latitude, double longitude) {
    }

    static final Place WUYUAN_1 = new Place("第五园一期", 22.6545, 114.0600);
    static final Place WUYUAN_3 = new Place("第五园三期", 22.6531, 114.0612);
    static final Place SCHOOL = new Place("第五园小学", 22.6520, 114.0630);
    static final Place VANKE = new Place("万科城", 22.6560, 114.0580);
    static final Place BXG = new Place("坂雪岗大道", 22.6500, 114.0650);
    static final Place WUHE_RD = new Place("五和大道", 22.6390, 114.0670);
    static final Place WUHE_MRT = new Place("五和地铁站", 22.6400, 114.0660);
    static final Place JZY = new Place("佳兆业城市广场", 22.6375, 114.0690);
    static final Place BANTIAN_N = new Place("坂田北路", 22.6410, 114.0700);
    static final Place GT_MARKET = new Place("岗头市场", 22.6620, 114.0480);
    static final Place GT_RD = new Place("岗头路", 22.6630, 114.0470);
    static final Place GT_VILLAGE = new Place("岗头新村", 22.6640, 114.0455);
    static final Place CIVIC = new Place("深圳市民中心", 22.5431, 114.0579);
    static final Place FUHUA = new Place("福华路", 22.5380, 114.0520);

    /**
     * One demo case: filed {@code ageHours} ago and taken to {@code state}; accepted after
     * {@code acceptHours}, resolved after {@code resolveHours} (both counted from filing).
     */
    record Demo(String category, String description, Place place, int ageHours, CaseState state,
                Rating rating, String channel) {

        Demo(String category, String description, Place place, int ageHours, CaseState state) {
            this(category, description, place, ageHours, state, null, NewCase.CHANNEL_5G);
        }

        Demo(String category, String description, Place place, int ageHours, CaseState state, Rating rating) {
            this(category, description, place, ageHours, state, rating, NewCase.CHANNEL_5G);
        }
    }

    static final List<Demo> CASES = List.of(
            new Demo("municipal", "小区门口的路灯坏了一个多星期，晚上一片漆黑", WUYUAN_1, 150, CaseState.ARCHIVED, Rating.SATISFIED),
            new Demo("municipal", "路面有个大坑，电动车经过很危险", BXG, 140, CaseState.RATED, Rating.SATISFIED),
            new Demo("municipal", "下雨后路口积水很深，行人过不去", WUHE_RD, 120, CaseState.RATED, Rating.MOSTLY_SATISFIED),
            new Demo("municipal", "人行道的地砖松了好几块，老人容易绊倒", WUHE_MRT, 70, CaseState.RESOLVED),
            new Demo("municipal", "井盖松动，车一压就响", BANTIAN_N, 40, CaseState.IN_PROGRESS),
            new Demo("municipal", "下水道堵了，污水冒到路面上", GT_RD, 30, CaseState.DISPATCHED),
            new Demo("municipal", "路边护栏被撞歪了一段", FUHUA, 6, CaseState.ACCEPTED),
            new Demo("municipal", "公交站旁边的路灯一直闪", WUYUAN_3, 2, CaseState.DISPATCHED),
            new Demo("environment", "楼下垃圾桶好几天没人清运，味道很大", GT_MARKET, 160, CaseState.ARCHIVED, Rating.SATISFIED),
            new Demo("environment", "工地晚上十一点以后还在施工，噪音很大", VANKE, 100, CaseState.RATED, Rating.UNSATISFIED),
            new Demo("environment", "市场门口有人乱倒建筑垃圾", GT_MARKET, 50, CaseState.IN_PROGRESS),
            new Demo("environment", "餐馆油烟直排，整栋楼都是油烟味", GT_VILLAGE, 26, CaseState.ACCEPTED),
            new Demo("environment", "岗头市场周边垃圾堆成小山", GT_MARKET, 3, CaseState.DISPATCHED),
            new Demo("environment", "市场后巷污水横流，蚊虫很多", GT_RD, 2, CaseState.DISPATCHED),
            new Demo("environment", "凌晨还有货车在市场卸货，噪音扰民", GT_MARKET, 1, CaseState.DISPATCHED),
            new Demo("property", "小区电梯坏了三天没人修，老人上下楼很困难", WUYUAN_3, 130, CaseState.RATED, Rating.SATISFIED),
            new Demo("property", "物业不打扫卫生，楼道很脏", JZY, 90, CaseState.RESOLVED),
            new Demo("property", "小区门禁坏了，外人随便进出", VANKE, 20, CaseState.IN_PROGRESS),
            new Demo("property", "物业费涨价没有公示，业主不知情", WUYUAN_1, 5, CaseState.DISPATCHED),
            new Demo("traffic", "路口红绿灯时间太短，行人过不完马路", WUHE_RD, 110, CaseState.RATED, Rating.MOSTLY_SATISFIED),
            new Demo("traffic", "学校门口上下学时段车辆乱停，堵得水泄不通", SCHOOL, 45, CaseState.IN_PROGRESS),
            new Demo("traffic", "地铁站出口机动车占用人行道", WUHE_MRT, 8, CaseState.DISPATCHED),
            new Demo("education", "孩子入学积分查询不到，不知道找谁", SCHOOL, 80, CaseState.RESOLVED),
            new Demo("education", "学校周边有流动摊贩卖三无食品", SCHOOL, 12, CaseState.ACCEPTED),
            new Demo("elderly", "独居老人想申请居家养老服务，不知道怎么办", WUYUAN_1, 95, CaseState.RATED, Rating.SATISFIED),
            new Demo("elderly", "长者饭堂什么时候开，在哪里报名", JZY, 28, CaseState.IN_PROGRESS),
            new Demo("ebike", "楼道里有人给电动车充电，飞线很危险", GT_VILLAGE, 60, CaseState.RESOLVED),
            new Demo("ebike", "电动车停满了消防通道", VANKE, 10, CaseState.DISPATCHED),
            new Demo("neighbour", "楼上邻居半夜经常拖动家具，沟通无果", WUYUAN_3, 75, CaseState.RATED, Rating.MOSTLY_SATISFIED),
            new Demo("neighbour", "邻居在公共走廊堆放杂物，占用通道", JZY, 15, CaseState.ACCEPTED),
            new Demo("consumer", "超市卖过期食品，找店家不理", BANTIAN_N, 55, CaseState.RESOLVED),
            new Demo("consumer", "健身房突然关门，预付卡退不了钱", CIVIC, 22, CaseState.IN_PROGRESS),
            new Demo("consumer", "外卖餐馆后厨卫生很差", FUHUA, 4, CaseState.DISPATCHED, null, "open311"),
            new Demo("policy", "想了解灵活就业人员社保补贴怎么申请", CIVIC, 65, CaseState.RATED, Rating.SATISFIED),
            new Demo("policy", "新能源车充电桩进小区的政策是什么", VANKE, 7, CaseState.ACCEPTED, null, "open311"),
            new Demo("municipal", "公园里的健身器材坏了，有小孩受伤隐患", WUYUAN_3, 1, CaseState.DISPATCHED, null, "open311"));

    /** Who works each unit's demo cases: its demo handler (DemoAccounts), else the system. */
    static String worker(String unit) {
        return DemoAccounts.handlerOf(unit).orElse(CaseLifecycle.SYSTEM);
    }

    private final CaseService caseService;
    private final CaseLifecycle lifecycle;
    private final EntityManager em;
    private final Clock clock;

    public DemoCases(CaseService caseService, CaseLifecycle lifecycle, EntityManager em, Clock clock) {
        this.caseService = caseService;
        this.lifecycle = lifecycle;
        this.em = em;
        this.clock = clock;
    }

    void seed(@Observes @Priority(5000) StartupEvent start,
              ServiceConfig config) {
        if (!config.demo().cases()) {
            return;
        }
        long existing = QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from service_case").getSingleResult()).longValue());
        if (existing > 0) {
            return;
        }
        int filed = 0;
        for (int i = 0; i < CASES.size(); i++) {
            try {
                file(CASES.get(i), i);
                filed++;
            } catch (RuntimeException e) {
                Log.warnf(e, "demo case %d not filed", i);
            }
        }
        Log.infof("%d demo cases filed (minhu.demo.cases=true, the embedded default)", filed);
    }

    void file(Demo demo, int index) {
        String phone = NewCase.CHANNEL_5G.equals(demo.channel()) ? "tel:+86138000%05d".formatted(10 + index % 24) : null;
        Place p = demo.place();
        ServiceCase c = caseService.file(new NewCase(phone, demo.category(), demo.description(), p.latitude(),
                p.longitude(), "深圳市龙岗区坂田街道" + p.name(), null, "demo", 1, demo.channel()));
        String number = c.getNumber();
        String unit = c.getUnit();
        String worker = worker(unit);
        CaseState target = demo.state();
        if (target == CaseState.DISPATCHED) {
            backdate(number, demo);
            return;
        }
        lifecycle.accept(number, worker);
        if (target != CaseState.ACCEPTED) {
            lifecycle.start(number, worker);
        }
        if (target == CaseState.RESOLVED || target == CaseState.RATED || target == CaseState.ARCHIVED) {
            lifecycle.resolve(number, worker, "已到现场处理完毕：" + demo.description().split("，")[0] + "的问题已解决，请您查看。", null);
        }
        if ((target == CaseState.RATED || target == CaseState.ARCHIVED) && phone != null && demo.rating() != null) {
            caseService.rate(phone, number, demo.rating(), demo.rating() == Rating.UNSATISFIED ? "处理后第二天又开始了" : null);
        }
        if (target == CaseState.ARCHIVED) {
            lifecycle.archive(number, CaseLifecycle.SYSTEM, null);
        }
        backdate(number, demo);
    }

    /**
     * Moves the case's times back: filed {@code ageHours} ago, accepted an hour later, started two,
     * resolved at about half its age (and within a day), rated a few hours after that.
     */
    void backdate(String number, Demo demo) {
        QuarkusTransaction.requiringNew().run(() -> {
            ServiceCase c = em.createQuery("from ServiceCase where number = :n", ServiceCase.class)
                    .setParameter("n", number).getSingleResult();
            Instant now = clock.instant();
            Instant base = now.minus(Duration.ofHours(demo.ageHours()));
            Duration shift = Duration.between(c.getCreatedAt(), base);
            long resolveHours = Math.max(2, Math.min(demo.ageHours() / 2, 22));
            Instant accepted = cap(base.plus(Duration.ofMinutes(40)), now);
            Instant started = cap(base.plus(Duration.ofMinutes(90)), now);
            Instant resolved = cap(base.plus(Duration.ofHours(resolveHours)), now);
            Instant rated = cap(resolved.plus(Duration.ofHours(3)), now);
            Instant archived = cap(rated.plus(Duration.ofHours(24)), now);
            List<CaseEvent> events = em.createQuery("from CaseEvent where caseId = :id order by id", CaseEvent.class)
                    .setParameter("id", c.getId()).getResultList();
            Instant last = base;
            for (CaseEvent e : events) {
                Instant at = switch (e.getKind()) {
                    case ACCEPTED -> accepted;
                    case STARTED -> started;
                    case RESOLVED -> resolved;
                    case RATED, REOPENED -> rated;
                    case ARCHIVED -> archived;
                    default -> base;
                };
                last = at.isAfter(last) ? at : last;
                em.createNativeQuery("update case_event set at = ?1 where id = ?2")
                        .setParameter(1, at).setParameter(2, e.getId()).executeUpdate();
            }
            List<Object> values = new ArrayList<>();
            StringBuilder set = new StringBuilder("created_at = ?1, updated_at = ?2");
            values.add(base);
            values.add(last);
            add(set, values, "due_at", shifted(c.getDueAt(), shift));
            add(set, values, "dispatched_at", c.getSchedule().getDispatchedAt() == null ? null : base);
            add(set, values, "accept_due_at", shifted(c.getSchedule().getAcceptDueAt(), shift));
            add(set, values, "accepted_at", c.getSchedule().getAcceptedAt() == null ? null : accepted);
            add(set, values, "resolved_at", c.getResolvedAt() == null ? null : resolved);
            add(set, values, "archived_at", c.getArchivedAt() == null ? null : archived);
            add(set, values, "next_check_at", shifted(c.getNextCheckAt(), shift));
            if (c.getResolvedAt() != null) {
                set.append(", handling_seconds = ").append(Duration.between(base, resolved).getSeconds());
            }
            var update = em.createNativeQuery("update service_case set " + set + " where id = ?" + (values.size() + 1));
            for (int i = 0; i < values.size(); i++) {
                update.setParameter(i + 1, values.get(i));
            }
            update.setParameter(values.size() + 1, c.getId()).executeUpdate();
        });
    }

    private static void add(StringBuilder set, List<Object> values, String column, Instant value) {
        if (value != null) {
            values.add(value);
            set.append(", ").append(column).append(" = ?").append(values.size());
        }
    }

    private static Instant shifted(Instant at, Duration shift) {
        return at == null ? null : at.plus(shift);
    }

    private static Instant cap(Instant at, Instant now) {
        return at.isAfter(now) ? now.minusSeconds(60) : at;
    }
}
