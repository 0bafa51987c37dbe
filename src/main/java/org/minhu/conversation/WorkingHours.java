package org.minhu.conversation;

import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.cases.CasesConfig;
import org.minhu.reference.LiveReference;
import org.minhu.reference.ReferenceData;
import org.minhu.reference.ReferenceDataException;
import org.minhu.reference.ReferenceVersionRepository;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When people answer each service ({@code reference/working-hours.yaml}, or the version admins last
 * saved in the console): whether one is open now,
 * and when it opens next, in words a resident reads (今天 08:30, 明天 08:30, 周一 08:30).
 * {@code minhu.working-hours.always-open} ignores the hours (tests that are not about them).
 */
@ApplicationScoped
public class WorkingHours {

    public static final String RESOURCE = "reference/working-hours.yaml";
    public static final String DOCUMENT = "working-hours";
    public static final String LIVE_CHAT = "live-chat";

    public record Document(Map<String, Service> services) {
    }

    /** The checks, in Chinese and naming the service, are the same at start-up and when an admin saves. */
    public record Service(String name, List<String> days, String from, String to, List<String> closed) {
        public Service {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("每项服务都要有名称（name）");
            }
            if (days == null || days.isEmpty()) {
                throw new IllegalArgumentException(name + " 至少要有一天开放（days）");
            }
            days.forEach(Service::dayOf);
            LocalTime opens = time(name, "开始时间（from）", from);
            LocalTime closes = time(name, "结束时间（to）", to);
            if (!closes.isAfter(opens)) {
                throw new IllegalArgumentException(name + " 的结束时间须晚于开始时间");
            }
            closed = closed == null ? List.of() : List.copyOf(closed);
            for (String date : closed) {
                try {
                    LocalDate.parse(date);
                } catch (java.time.format.DateTimeParseException | NullPointerException e) {
                    throw new IllegalArgumentException(name + " 的休息日“" + date + "”应为日期，写作 YYYY-MM-DD，如 2026-10-01");
                }
            }
        }

        private static LocalTime time(String name, String which, String value) {
            try {
                if (value == null || !value.matches("\\d{2}:\\d{2}")) {
                    throw new java.time.format.DateTimeParseException("HH:MM", String.valueOf(value), 0);
                }
                return LocalTime.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(name + " 的" + which + "“" + value + "”应写作 时:分，如 08:30");
            }
        }

        static DayOfWeek dayOf(String code) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().substring(0, 3).equals(code)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("没有“" + code + "”这一天，应为 MON TUE WED THU FRI SAT SUN 之一");
        }

        public LocalTime opensAt() {
            return LocalTime.parse(from);
        }

        public LocalTime closesAt() {
            return LocalTime.parse(to);
        }

        /** "每天 08:30–20:30" or "周一至周五 08:30–17:30". */
        public String hours() {
            Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
            days.forEach(d -> set.add(dayOf(d)));
            String when = set.size() == 7 ? "每天"
                    : set.equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) ? "周一至周五"
                    : String.join("、", set.stream().map(WorkingHours::day).toList());
            return when + " " + from + "–" + to;
        }

        boolean openOn(LocalDate date) {
            return days.stream().anyMatch(d -> dayOf(d) == date.getDayOfWeek()) && !closed.contains(date.toString());
        }
    }

    /** Whether the service is open, and if not when it opens. */
    public record Status(boolean open, String name, String hours, String opens) {
    }

    private final LiveReference<Document> document;
    private final ZoneId zone;
    private final boolean alwaysOpen;

    @jakarta.inject.Inject
    public WorkingHours(CasesConfig config, ConversationConfig conversation, ReferenceVersionRepository versions) {
        this(LiveReference.stored(DOCUMENT, RESOURCE, (source, yaml) -> parse(yaml, source), versions), config.zone(),
                conversation.workingHours().alwaysOpen());
    }

    WorkingHours(Document document, ZoneId zone, boolean alwaysOpen) {
        this(LiveReference.fixed(DOCUMENT, RESOURCE, document), zone, alwaysOpen);
    }

    private WorkingHours(LiveReference<Document> document, ZoneId zone, boolean alwaysOpen) {
        this.document = document;
        this.zone = zone;
        this.alwaysOpen = alwaysOpen;
    }

    /** The document as admins edit it in the console. */
    public LiveReference<Document> document() {
        return document;
    }

    public static Document parse(String yaml, String source) {
        Document d = ReferenceData.parse(source, yaml, Document.class);
        if (d.services() == null || !d.services().containsKey(LIVE_CHAT)) {
            throw new ReferenceDataException(source, null, null, "services 中必须有 " + LIVE_CHAT + "（人工服务）的工作时间", null);
        }
        return d;
    }

    public Status status(String service, Instant now) {
        Service s = Optional.ofNullable(document.get().services().get(service))
                .orElseThrow(() -> new IllegalArgumentException("no working hours for " + service));
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (alwaysOpen || (s.openOn(local.toLocalDate()) && !time.isBefore(s.opensAt()) && time.isBefore(s.closesAt()))) {
            return new Status(true, s.name(), s.hours(), null);
        }
        LocalDate today = local.toLocalDate();
        for (int ahead = 0; ahead <= 60; ahead++) {
            LocalDate day = today.plusDays(ahead);
            if (!s.openOn(day) || (ahead == 0 && !time.isBefore(s.opensAt()))) {
                continue;
            }
            String when = ahead == 0 ? "今天" : ahead == 1 ? "明天" : ahead == 2 ? "后天"
                    : ahead < 7 ? day(day.getDayOfWeek()) : day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
            return new Status(false, s.name(), s.hours(), when + " " + s.from());
        }
        return new Status(false, s.name(), s.hours(), "另行通知");
    }

    static String day(DayOfWeek d) {
        return switch (d) {
            case MONDAY -> "周一";
            case TUESDAY -> "周二";
            case WEDNESDAY -> "周三";
            case THURSDAY -> "周四";
            case FRIDAY -> "周五";
            case SATURDAY -> "周六";
            case SUNDAY -> "周日";
        };
    }
}
