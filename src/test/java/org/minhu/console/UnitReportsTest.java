package org.minhu.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.CasesConfig;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.UnitReports;
import org.minhu.notify.ReportNotices;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.TestClock;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 超期单位自动通报: with the clock moved past a case's deadline, the day's 超期通报 lists it under its
 * unit (not the one resolved in time), as a page for supervisors and as CSV; the next morning the
 * supervisors' bell has it once, and it opens the report; the week's 单位排名 counts it against the unit.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class UnitReportsTest {

    static final String UNIT = "通报测试单位";

    @Inject
    TestCases testCases;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    UnitReports reports;

    @Inject
    ReportNotices notices;

    @Inject
    CasesConfig config;

    @Inject
    EntityManager em;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private ServiceCase dispatched(String description) {
        return testCases.dispatchedTo(UNIT, "municipal", description, "坂田街道五和大道");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.zone());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> reportNotifications(String recipient) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select id, text, link from staff_notification where recipient = ?1 and kind = 'OVERDUE_REPORT'"
                                + " and case_number = ?2")
                .setParameter(1, recipient).setParameter(2, "超期通报 " + today().minusDays(1)).getResultList());
    }

    @Test
    void aCasePastItsDeadlineIsListedUnderItsUnitAndTheSupervisorsAreToldNextMorningOnce() {
        ServiceCase late = dispatched("路灯坏了很久一直没人修");
        ServiceCase done = dispatched("井盖松动，已经有人来看过");
        QuarkusTransaction.requiringNew().run(() -> {
            lifecycle.accept(done.getNumber(), "system");
            lifecycle.start(done.getNumber(), "system");
            lifecycle.resolve(done.getNumber(), "system", "已加固井盖", null);
        });
        clock.advance(Duration.between(late.getCreatedAt(), late.getDueAt()).plusDays(2));

        UnitReports.UnitOverdue unit = reports.overdue(today()).units().stream()
                .filter(u -> u.unit().equals(UNIT)).findFirst().orElseThrow();
        assertThat(unit.cases()).extracting(UnitReports.OverdueCase::number).containsExactly(late.getNumber());
        assertThat(unit.cases().get(0).overdueDays()).isGreaterThanOrEqualTo(1);

        ConsoleSession supervisor = ConsoleSession.signIn("supervisor");
        String page = supervisor.bare().get("/console/reports/overdue?date=" + today()).asString();
        assertThat(page).contains("超期通报").contains(UNIT).contains(late.getNumber()).doesNotContain(done.getNumber());
        Response csv = supervisor.bare().get("/console/reports/overdue?date=" + today() + "&format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.asString()).contains("承办单位").contains(UNIT + "\",\"\",\"" + late.getNumber());
        assertThat(ConsoleSession.signIn("handler").bare().get("/console/reports/overdue").statusCode())
                .as("a handler does not read the 通报").isEqualTo(403);

        // the same 通报 for other systems, as JSON
        io.restassured.path.json.JsonPath api = io.restassured.RestAssured.given().auth().preemptive()
                .basic("supervisor", org.minhu.security.DemoAccounts.PASSWORD)
                .get("/api/reports/overdue?date=" + today()).then().statusCode(200).extract().jsonPath();
        assertThat(api.getList("units.find { it.unit == '" + UNIT + "' }.cases.number", String.class))
                .containsExactly(late.getNumber());
        assertThat(io.restassured.RestAssured.given().auth().preemptive().basic("handler", org.minhu.security.DemoAccounts.PASSWORD)
                .get("/api/reports/overdue").statusCode()).as("not for handlers through the API either").isEqualTo(403);
        assertThat(io.restassured.RestAssured.given().auth().preemptive().basic("supervisor", org.minhu.security.DemoAccounts.PASSWORD)
                .get("/api/reports/overdue?date=yesterday").statusCode()).isEqualTo(400);

        // the next morning, after the reports' hour
        ZonedDateTime now = clock.instant().atZone(config.zone());
        clock.advance(Duration.between(now, now.toLocalDate().plusDays(1).atTime(config.reportsAt().plusHours(1))
                .atZone(config.zone())));
        notices.tell();
        notices.tell();
        List<Object[]> told = reportNotifications("supervisor");
        assertThat(told).as("told once, however often the check looks").hasSize(1);
        assertThat((String) told.get(0)[1]).contains("件超期未办结");
        assertThat(reportNotifications("handler")).as("supervisors only").isEmpty();

        Response opened = supervisor.form().redirects().follow(false)
                .post("/console/notifications/" + ((Number) told.get(0)[0]).longValue() + "/open");
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.header("Location")).endsWith("/console/reports/overdue?date=" + today().minusDays(1));
    }

    @Test
    void theWeeksRankingCountsOverdueCasesAgainstTheirUnit() {
        ServiceCase late = dispatched("人行道地砖缺了好几块");
        clock.advance(Duration.between(late.getCreatedAt(), late.getDueAt()).plusDays(8));
        LocalDate filedWeek = LocalDate.ofInstant(late.getCreatedAt(), config.zone())
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        LocalDate weekOverdue = LocalDate.ofInstant(late.getDueAt(), config.zone()).plusDays(1)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));

        UnitReports.Rank rank = reports.ranking(weekOverdue).ranks().stream()
                .filter(r -> r.unit().equals(UNIT)).findFirst().orElseThrow();
        assertThat(rank.overdue()).isGreaterThanOrEqualTo(1);
        assertThat(rank.score()).isLessThanOrEqualTo(100 - 2.0 * rank.overdue());
        assertThat(reports.ranking(filedWeek).ranks()).extracting(UnitReports.Rank::unit).contains(UNIT);

        String page = ConsoleSession.signIn("supervisor").bare().get("/console/reports/ranking?week=" + weekOverdue).asString();
        assertThat(page).contains("单位排名").contains(UNIT);
        io.restassured.path.json.JsonPath api = io.restassured.RestAssured.given().auth().preemptive()
                .basic("supervisor", org.minhu.security.DemoAccounts.PASSWORD)
                .get("/api/reports/ranking?week=" + weekOverdue.plusDays(3)).then().statusCode(200).extract().jsonPath();
        assertThat(api.getString("weekStart")).isEqualTo(weekOverdue.toString());
        assertThat(api.getInt("ranks.find { it.unit == '" + UNIT + "' }.overdue")).isEqualTo(rank.overdue());
    }
}
