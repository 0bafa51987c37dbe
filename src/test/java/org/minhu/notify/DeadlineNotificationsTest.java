package org.minhu.notify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseAction;
import org.minhu.cases.CaseEvent;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.CaseworkSteps;
import org.minhu.cases.CaseService;
import org.minhu.cases.HandlingClass;
import org.minhu.cases.RequestType;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.SlaMonitor;
import org.minhu.cases.Staff;
import org.minhu.console.TestCases;
import org.minhu.security.Role;
import org.minhu.security.StaffDirectory;
import org.minhu.testing.MockCarrier;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Phone;
import org.minhu.testing.TestClock;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadlines that reach people, with the clock moved: a case nobody accepts reminds its unit's
 * handlers after 15 minutes (once, however often the check runs), escalates after 30, and a
 * handler with a phone number gets the reminder once as a message; a 疑难件's 办理意见 is reminded of
 * and escalated to the unit's head, unless it was given.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class DeadlineNotificationsTest {

    static final String UNIT = "提醒测试单位";
    static final String HEADED_UNIT = "提醒测试单位（有负责人）";
    static final String PHONE = "tel:+8613912345671";

    @Inject
    TestCases testCases;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseworkSteps steps;

    @Inject
    CaseService caseService;

    @Inject
    SlaMonitor monitor;

    @Inject
    StaffDirectory directory;

    @Inject
    EntityManager em;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A case filed as the chat files it, then dispatched by hand to {@code unit}. */
    private ServiceCase dispatchedTo(String unit, String description) {
        return testCases.dispatchedTo(unit, "municipal", description, "坂田街道五和大道");
    }

    private long messagesTo(String phone) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbound_message where phone = ?1").setParameter(1, phone).getSingleResult()).longValue());
    }

    private List<String> notes(ServiceCase c) {
        return QuarkusTransaction.requiringNew().call(() -> caseService.history(testCases.reload(c.getNumber())).stream()
                .filter(e -> e.getKind() == CaseEvent.Kind.REMINDED || e.getKind() == CaseEvent.Kind.ESCALATED)
                .map(CaseEvent::getNote).toList());
    }

    @Test
    void aCaseNotAcceptedIn15MinutesRemindsTheUnitsHandlersOnceThenEscalatesToTheSupervisor() {
        testCases.staff("notify-a", Role.HANDLER, UNIT, "13912345671", false);
        testCases.staff("notify-b", Role.HANDLER, UNIT, null, false);
        ServiceCase c = dispatchedTo(UNIT, "人行道地砖松动，老人容易绊倒");
        assertThat(c.getNextCheckAt()).as("the check is planned for the acceptance time").isEqualTo(c.getSchedule().getAcceptDueAt());

        clock.advance(Duration.ofMinutes(14));
        monitor.check();
        assertThat(testCases.notified(c, "ACCEPT_REMINDER")).as("nothing before 15 minutes").isEmpty();

        clock.advance(Duration.ofMinutes(1).plusSeconds(5));
        monitor.check();
        assertThat(testCases.notified(c, "ACCEPT_REMINDER")).containsExactly("notify-a", "notify-b");
        assertThat(testCases.notified(c, "ACCEPT_ESCALATION")).isEmpty();
        assertThat(notes(c)).containsExactly("超时未受理，已提醒：" + UNIT);

        // the handler with a phone gets the same reminder at the carrier
        List<Map<String, Object>> sms = MockCarrier.awaitBotMessages(PHONE, 1, Duration.ofSeconds(20));
        assertThat(Phone.text(sms.get(sms.size() - 1))).contains("超时未受理").contains(c.getNumber());

        // a second run, and a run that believes nothing was sent yet (another instance's stale
        // view): nobody is notified or texted twice
        monitor.check();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update service_case set accept_chased = 0, next_check_at = ?1 where id = ?2")
                .setParameter(1, java.sql.Timestamp.from(clock.instant())).setParameter(2, c.getId()).executeUpdate());
        monitor.check();
        assertThat(testCases.notified(c, "ACCEPT_REMINDER")).containsExactly("notify-a", "notify-b");
        assertThat(messagesTo(PHONE)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(15));
        monitor.check();
        monitor.check();
        assertThat(testCases.notified(c, "ACCEPT_ESCALATION")).as("the unit names no head: the supervisors")
                .contains("supervisor").doesNotContain("notify-a", "notify-b");
        assertThat(notes(c)).filteredOn(n -> n.startsWith("超时未受理，已升级")).containsExactly("超时未受理，已升级：" + UNIT);
        ServiceCase after = testCases.reload(c.getNumber());
        assertThat(after.getNextCheckAt()).as("next: the resolve deadline's reminder")
                .isCloseTo(after.getSchedule().reminderAt(after.getCreatedAt(), 1), org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void anAcceptedCaseIsNotChasedForAcceptance() {
        testCases.staff("notify-a", Role.HANDLER, UNIT, "13912345671", false);
        ServiceCase c = dispatchedTo(UNIT, "小区门口路灯不亮");
        QuarkusTransaction.requiringNew().run(() -> lifecycle.accept(c.getNumber(), "notify-a"));
        clock.advance(Duration.ofMinutes(40));
        monitor.check();
        assertThat(testCases.notified(c, "ACCEPT_REMINDER")).isEmpty();
        assertThat(testCases.notified(c, "ACCEPT_ESCALATION")).isEmpty();
    }

    @Test
    void aComplexCasesHandlingOpinionIsRemindedBeforeItIsDueAndEscalatedToTheUnitHeadWhenLate() {
        testCases.staff("notify-owner", Role.HANDLER, HEADED_UNIT, null, false);
        testCases.staff("notify-head", Role.HANDLER, HEADED_UNIT, null, true);
        ServiceCase late = complexAcceptedBy("notify-owner", "多个小区排水管网老化，雨天反复内涝，需多部门联合处置");
        ServiceCase given = complexAcceptedBy("notify-owner", "片区停车难，需多部门联合研究方案");
        assertThat(late.getSchedule().getOpinion().getDueAt()).as("3 days after acceptance")
                .isEqualTo(late.getSchedule().getAcceptedAt().plus(Duration.ofHours(72)));
        Staff owner = new Staff("notify-owner", Role.HANDLER, HEADED_UNIT);
        QuarkusTransaction.requiringNew().run(() -> lifecycle.perform(owner, CaseAction.OPINION, given.getNumber(),
                CaseLifecycle.Details.text("牵头单位会同交警、住建三日内现场踏勘，两周内拿出方案")));
        assertThat(testCases.reload(given.getNumber()).getSchedule().getOpinion().getText()).startsWith("牵头单位会同交警");

        clock.advance(Duration.ofHours(47));
        monitor.check();
        assertThat(testCases.notified(late, "OPINION_REMINDER")).as("not before two thirds of its time").isEmpty();

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        monitor.check();
        monitor.check();
        assertThat(testCases.notified(late, "OPINION_REMINDER")).as("the owner").containsExactly("notify-owner");
        assertThat(testCases.notified(given, "OPINION_REMINDER")).as("an opinion given is not chased").isEmpty();

        clock.advance(Duration.ofHours(24));
        monitor.check();
        assertThat(testCases.notified(late, "OPINION_ESCALATION")).as("the unit's head, not the supervisors")
                .containsExactly("notify-head");
        assertThat(testCases.notified(given, "OPINION_ESCALATION")).isEmpty();
        assertThat(notes(late)).contains("办理意见将到期，已提醒", "办理意见超期未提交，已升级");

        // the owner gives it late: nothing more is owed
        QuarkusTransaction.requiringNew().run(() -> lifecycle.perform(owner, CaseAction.OPINION, late.getNumber(),
                CaseLifecycle.Details.text("已会同相关部门拟定改造方案")));
        assertThat(testCases.reload(late.getNumber()).isOpinionOwed()).isFalse();
    }

    @Test
    void anAdminSetsAStaffPhoneAndAWrongNumberIsRefusedInChinese() {
        testCases.staff("notify-admin-set", Role.HANDLER, UNIT, null, false);
        org.minhu.console.ConsoleSession admin = org.minhu.console.ConsoleSession.signIn("admin");
        io.restassured.response.Response refused = admin.form().formParam("phone", "12345")
                .post("/console/admin/users/notify-admin-set/contact");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("手机号应为 11 位");

        assertThat(admin.form().formParam("phone", "139 1234 5699").formParam("unitHead", "true")
                .post("/console/admin/users/notify-admin-set/contact").statusCode()).isEqualTo(303);
        org.minhu.security.StaffUser user = QuarkusTransaction.requiringNew().call(() -> directory.all().stream()
                .filter(u -> u.getUsername().equals("notify-admin-set")).findFirst().orElseThrow());
        assertThat(user.getMobileUri()).isEqualTo("tel:+8613912345699");
        assertThat(user.isUnitHead()).isTrue();
        assertThat(admin.bare().get("/console/admin").asString()).contains("value=\"13912345699\"");
    }

    private ServiceCase complexAcceptedBy(String handler, String description) {
        ServiceCase c = dispatchedTo(HEADED_UNIT, description);
        QuarkusTransaction.requiringNew().run(() -> {
            steps.classify(c.getNumber(), "system", RequestType.COMPLAINT, HandlingClass.HARD);
            lifecycle.accept(c.getNumber(), handler);
        });
        return testCases.reload(c.getNumber());
    }
}
