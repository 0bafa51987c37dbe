package org.minhu.notify;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.cases.CasesConfig;
import org.minhu.cases.UnitReports;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * 超期单位自动通报 (坪山): each morning from {@code minhu.cases.reports-at} the supervisors are told of
 * the day before's 超期通报, and each Monday of the week before's 单位排名, with a link to the page.
 * Looked for every {@code minhu.cases.report-check} rather than at one cron moment, so a service
 * that was down at 8:00 still tells it when it comes up; told once whatever the number of
 * instances (the notification's key).
 */
@ApplicationScoped
public class ReportNotices {

    private final UnitReports reports;
    private final StaffNotifications notifications;
    private final CasesConfig config;
    private final Clock clock;

    public ReportNotices(UnitReports reports, StaffNotifications notifications, CasesConfig config, Clock clock) {
        this.reports = reports;
        this.notifications = notifications;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${minhu.cases.report-check}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void tell() {
        ZonedDateTime now = clock.instant().atZone(config.zone());
        if (now.toLocalTime().isBefore(config.reportsAt())) {
            return;
        }
        LocalDate yesterday = reports.overdueDay(null);
        if (!notifications.reported(ReportKind.OVERDUE_REPORT, start(yesterday))) {
            tellOverdue(yesterday);
        }
        LocalDate lastWeek = reports.rankingWeek(null);
        if (now.getDayOfWeek() == DayOfWeek.MONDAY && !notifications.reported(ReportKind.UNIT_RANKING, start(lastWeek))) {
            tellRanking(lastWeek);
        }
    }

    private void tellOverdue(LocalDate day) {
        UnitReports.OverdueReport report = reports.overdue(day);
        String text = report.units().isEmpty() ? day + " 没有超期未办结的诉求"
                : day + " 共 " + report.units().size() + " 个单位 " + report.total() + " 件超期未办结，最多的是 "
                + report.units().get(0).unit() + "（" + report.units().get(0).count() + " 件）";
        notifications.report(ReportKind.OVERDUE_REPORT, "超期通报 " + day, start(day),
                "/console/reports/overdue?date=" + day, text);
    }

    private void tellRanking(LocalDate weekStart) {
        UnitReports.Ranking ranking = reports.ranking(weekStart);
        String text = ranking.ranks().isEmpty() ? weekStart + " 起一周没有受理诉求"
                : weekStart + " 起一周 " + ranking.ranks().size() + " 个单位排名：第一 " + ranking.ranks().get(0).unit()
                + "（" + ranking.ranks().get(0).score() + " 分），末位 " + ranking.ranks().get(ranking.ranks().size() - 1).unit()
                + "（" + ranking.ranks().get(ranking.ranks().size() - 1).score() + " 分）";
        notifications.report(ReportKind.UNIT_RANKING, "单位排名 " + weekStart, start(weekStart),
                "/console/reports/ranking?week=" + weekStart, text);
    }

    private java.time.Instant start(LocalDate day) {
        return day.atStartOfDay(config.zone()).toInstant();
    }
}
