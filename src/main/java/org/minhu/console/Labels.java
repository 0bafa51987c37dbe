package org.minhu.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.minhu.cases.CaseEvent;
import org.minhu.cases.CaseState;
import org.minhu.cases.CasesConfig;
import org.minhu.cases.Categories;
import org.minhu.cases.Category;
import org.minhu.cases.Rating;
import org.minhu.cases.ServiceCase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How the console words things: states, categories, ratings and history in Chinese, times in the
 * city's zone, deadlines as a countdown. Templates reach it as {@code inject:labels}.
 */
@ApplicationScoped
@Named("labels")
public class Labels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<CaseEvent.Kind, String> EVENTS = new EnumMap<>(CaseEvent.Kind.class);

    static {
        EVENTS.put(CaseEvent.Kind.FILED, "受理登记");
        EVENTS.put(CaseEvent.Kind.FOLLOWED, "居民关注");
        EVENTS.put(CaseEvent.Kind.DISPATCHED, "派单");
        EVENTS.put(CaseEvent.Kind.ACCEPTED, "签收");
        EVENTS.put(CaseEvent.Kind.STARTED, "开始办理");
        EVENTS.put(CaseEvent.Kind.RESOLVED, "办结");
        EVENTS.put(CaseEvent.Kind.RATED, "评价");
        EVENTS.put(CaseEvent.Kind.RETURNED, "退单");
        EVENTS.put(CaseEvent.Kind.TRANSFERRED, "转办");
        EVENTS.put(CaseEvent.Kind.REOPENED, "重新办理");
        EVENTS.put(CaseEvent.Kind.ARCHIVED, "归档");
        EVENTS.put(CaseEvent.Kind.EXTENSION_REQUESTED, "申请延期");
        EVENTS.put(CaseEvent.Kind.EXTENSION_APPROVED, "批准延期");
        EVENTS.put(CaseEvent.Kind.EXTENSION_REJECTED, "驳回延期");
        EVENTS.put(CaseEvent.Kind.PAUSED, "暂停计时");
        EVENTS.put(CaseEvent.Kind.RESUMED, "恢复计时");
        EVENTS.put(CaseEvent.Kind.REMINDED, "到期提醒");
        EVENTS.put(CaseEvent.Kind.ESCALATED, "逐级督办");
        EVENTS.put(CaseEvent.Kind.LINKED, "关联重复件");
        EVENTS.put(CaseEvent.Kind.NOTE, "内部备注");
        EVENTS.put(CaseEvent.Kind.REPLIED, "回复居民");
        EVENTS.put(CaseEvent.Kind.CLASSIFIED, "调整分类");
        EVENTS.put(CaseEvent.Kind.DECLINED, "不予受理");
        EVENTS.put(CaseEvent.Kind.ANSWERED, "即时答复");
        EVENTS.put(CaseEvent.Kind.CALLED_BACK, "电话回访");
        EVENTS.put(CaseEvent.Kind.REVIEWED, "复查");
        EVENTS.put(CaseEvent.Kind.OPINION, "办理意见");
        EVENTS.put(CaseEvent.Kind.ADDED, "居民补充材料");
        EVENTS.put(CaseEvent.Kind.NUDGED, "居民催办");
        EVENTS.put(CaseEvent.Kind.TAKEN, "我来办");
        EVENTS.put(CaseEvent.Kind.ASSIGNED, "分派承办人");
        EVENTS.put(CaseEvent.Kind.PASSED, "转交同事");
        EVENTS.put(CaseEvent.Kind.TAGGED, "标签");
    }

    private static final Map<String, String> CHANNELS = Map.of(
            "5g", "5G消息", "open311", "网上诉求接口", "hotspot", "热点合并", "hotline", "热线电话",
            "intake", "来电来访登记", "phone", "电话", "web", "网站", "walk-in", "来访", "grid", "网格员上报");
    private static final Map<String, String> STATUSES = Map.ofEntries(
            Map.entry("PENDING", "待发送"), Map.entry("SENDING", "发送中"), Map.entry("ACCEPTED", "平台已接收"),
            Map.entry("SENT", "已发送"), Map.entry("DELIVERED_TO_NETWORK", "已送达（短信）"),
            Map.entry("DELIVERED", "已送达"), Map.entry("DISPLAYED", "已读"), Map.entry("FAILED", "发送失败"),
            Map.entry("REJECTED", "平台拒收"), Map.entry("REVOKED", "已撤回"));
    private static final java.util.regex.Pattern INSTANT =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

    private final Categories categories;
    private final ZoneId zone;
    private final Clock clock;
    private final org.minhu.conversation.FlowRegistry flows;
    private final org.minhu.cases.DispatchRules rules;

    private final org.minhu.cases.UnitHierarchy hierarchy;

    public Labels(Categories categories, CasesConfig config, Clock clock, org.minhu.conversation.FlowRegistry flows,
                  org.minhu.cases.DispatchRules rules, org.minhu.cases.UnitHierarchy hierarchy) {
        this.hierarchy = hierarchy;
        this.categories = categories;
        this.rules = rules;
        this.zone = config.zone();
        this.clock = clock;
        this.flows = flows;
    }

    /** Where a case came from, in words: 5G消息, 网上诉求接口, 热点合并. */
    public String channel(String code) {
        return code == null ? "" : CHANNELS.getOrDefault(code, IntakeResource.CHANNELS.getOrDefault(code, code));
    }

    /** A message's delivery status (the platform's DISPLAYED and so on) in words. */
    public String messageStatus(String status) {
        return status == null ? "" : STATUSES.getOrDefault(status, status);
    }

    /** A conversation flow by its Chinese title (转人工), not its id (talk-to-person). */
    public String flow(String id) {
        if (id == null || id.isBlank()) {
            return "";
        }
        org.minhu.flow.Flow flow = flows.engine().flows().flow(id);
        return flow == null || flow.title() == null ? id : chinese(flow.title());
    }

    /** A notice topic's name (道路施工), from the message bundle. */
    public String topic(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return org.minhu.conversation.subscription.Topic.of(code)
                .map(t -> flows.engine().flows().messages().render(org.minhu.flow.Messages.DEFAULT_LANGUAGE, t.messageKey(), Map.of()))
                .orElse(code);
    }

    /** "转人工 / Talk to a person" → "转人工". */
    static String chinese(String title) {
        int slash = title.indexOf(" / ");
        return slash > 0 ? title.substring(0, slash).strip() : title;
    }

    /**
     * A history entry's note as staff read it: a rating in words (满意, not SATISFIED) and times
     * written by the service (2026-12-03T08:00:00Z) in the city's time.
     */
    public String note(CaseEvent e) {
        String note = e.getNote();
        if (note == null) {
            return "";
        }
        if (e.getKind() == CaseEvent.Kind.RATED) {
            for (Rating r : Rating.values()) {
                if (note.equals(r.name()) || note.startsWith(r.name() + ":")) {
                    note = r.label("zh-CN") + (note.length() > r.name().length() ? "：" + note.substring(r.name().length() + 1).strip() : "");
                    break;
                }
            }
        }
        java.util.regex.Matcher m = INSTANT.matcher(note);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            try {
                replacement = fullTime(Instant.parse(m.group()));
            } catch (java.time.format.DateTimeParseException unreadable) {
                replacement = m.group();
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    public ZoneId zone() {
        return zone;
    }

    public List<Category> getCategories() {
        return categories.all();
    }

    /**
     * The handling units the categories name and those the dispatch rules assign cases to, sorted:
     * the choices of the unit filters and the dispatch form.
     */
    /** Every unit a case can go to: the categories' own, the dispatch rules' assignments, the unit hierarchy's. */
    public List<String> getUnits() {
        return java.util.stream.Stream.of(categories.units(), rules.assignedUnits(), hierarchy.names())
                .flatMap(List::stream).distinct().sorted().toList();
    }

    public List<CaseState> getStates() {
        return List.of(CaseState.values());
    }

    public String category(String code) {
        return categories.find(code).map(c -> c.name().zh()).orElse(code);
    }

    public String state(CaseState state) {
        return state == null ? "" : state.label("zh-CN");
    }

    /** How a case came in, in words: 5G 消息, Open311, or the channel staff chose at intake. */
    public String rating(Rating rating) {
        return rating == null ? "未评价" : rating.label("zh-CN");
    }

    public String event(CaseEvent.Kind kind) {
        return EVENTS.getOrDefault(kind, kind.name());
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    public String fullTime(Instant at) {
        return at == null ? "" : FULL.format(at.atZone(zone));
    }

    /** Milliseconds since the epoch, for the page's script to keep a countdown running. */
    public long epochMillis(Instant at) {
        return at == null ? 0 : at.toEpochMilli();
    }

    /** "剩 5小时12分", "超时 2天3小时", or why no clock runs. */
    public String countdown(ServiceCase c) {
        if (!c.isOpen()) {
            return c.getResolvedAt() == null ? "—" : "已办结";
        }
        if (c.getSchedule().getPausedAt() != null) {
            return "计时暂停";
        }
        Duration left = Duration.between(clock.instant(), c.getDueAt());
        return left.isNegative() ? "超时 " + span(left.negated()) : "剩 " + span(left);
    }

    /** ok, soon (under a quarter of the time or four hours left) or late: the countdown's colour. */
    public String urgency(ServiceCase c) {
        if (!c.isOpen() || c.getSchedule().getPausedAt() != null) {
            return "none";
        }
        Instant now = clock.instant();
        if (now.isAfter(c.getDueAt())) {
            return "late";
        }
        Duration left = Duration.between(now, c.getDueAt());
        Duration allowed = Duration.between(c.getCreatedAt(), c.getDueAt());
        return left.compareTo(Duration.ofHours(4)) < 0 || left.multipliedBy(4).compareTo(allowed) < 0 ? "soon" : "ok";
    }

    public String percent(Double share) {
        return share == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }

    public String coordinates(double latitude, double longitude) {
        return String.format(java.util.Locale.ROOT, "%.4f, %.4f", latitude, longitude);
    }

    static String span(Duration d) {
        long minutes = Math.max(d.toMinutes(), 0);
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return days + "天" + hours + "小时";
        }
        if (hours > 0) {
            return hours + "小时" + mins + "分";
        }
        return mins + "分";
    }
}
