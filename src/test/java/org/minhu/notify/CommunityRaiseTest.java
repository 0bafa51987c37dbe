package org.minhu.notify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseEvent;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.CaseService;
import org.minhu.cases.CaseState;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.SlaMonitor;
import org.minhu.console.TestCases;
import org.minhu.security.Role;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.TestClock;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 社区先办，2 日未办结上提街道: with the clock moved, a case its community has not resolved in the
 * shipped hierarchy's 48 hours goes up to the street office once, which must sign for it and is told;
 * the community stays on it; a case the community resolved in time stays where it was.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class CommunityRaiseTest {

    static final String COMMUNITY = "第五园社区工作站";
    static final String STREET = "坂田街道办事处";

    @Inject
    TestCases testCases;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseService caseService;

    @Inject
    SlaMonitor monitor;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private ServiceCase dispatchedToTheCommunity(String description) {
        return testCases.dispatchedTo(COMMUNITY, "neighbour", description, "第五园三期");
    }

    private List<CaseEvent> transfers(ServiceCase c) {
        return QuarkusTransaction.requiringNew().call(() -> caseService.history(testCases.reload(c.getNumber())).stream()
                .filter(e -> e.getKind() == CaseEvent.Kind.TRANSFERRED).toList());
    }

    @Test
    void aCaseTheCommunityHasNotResolvedInTwoDaysGoesUpToTheStreetOnce() {
        testCases.staff("raise-street", Role.HANDLER, STREET, null, false);
        ServiceCase c = dispatchedToTheCommunity("楼上邻居装修噪音，社区调解了两次还是不行");
        QuarkusTransaction.requiringNew().run(() -> lifecycle.accept(c.getNumber(), "system"));

        clock.advance(Duration.ofHours(47));
        monitor.check();
        assertThat(testCases.reload(c.getNumber()).getUnit()).as("before 48 hours the community keeps it").isEqualTo(COMMUNITY);

        clock.advance(Duration.ofHours(2));
        monitor.check();
        monitor.check();
        ServiceCase raised = testCases.reload(c.getNumber());
        assertThat(raised.getUnit()).isEqualTo(STREET);
        assertThat(raised.getState()).as("the street signs for it anew").isEqualTo(CaseState.DISPATCHED);
        assertThat(ServiceCase.involves(raised.getUnit(), raised.getUnits().getAssistingUnits(), COMMUNITY))
                .as("the community stays on it").isTrue();
        assertThat(transfers(c)).as("raised once, however often the check runs").hasSize(1)
                .first().satisfies(e -> {
                    assertThat(e.getNote()).contains("上提至 " + STREET).contains(COMMUNITY);
                    assertThat(e.getActor()).isEqualTo(CaseLifecycle.SYSTEM);
                });
        assertThat(testCases.notified(c, "RAISED")).as("the street's people are told, not the community's")
                .contains("raise-street").doesNotContain("handler-community");
    }

    @Test
    void aCaseTheCommunityResolvedInTimeStaysWithIt() {
        ServiceCase c = dispatchedToTheCommunity("楼道灯坏了，社区当天就修好了");
        QuarkusTransaction.requiringNew().run(() -> {
            lifecycle.accept(c.getNumber(), "system");
            lifecycle.start(c.getNumber(), "system");
            lifecycle.resolve(c.getNumber(), "system", "已更换灯泡", null);
        });

        clock.advance(Duration.ofHours(49));
        monitor.check();

        ServiceCase after = testCases.reload(c.getNumber());
        assertThat(after.getUnit()).isEqualTo(COMMUNITY);
        assertThat(after.getState()).isEqualTo(CaseState.RESOLVED);
        assertThat(transfers(c)).isEmpty();
    }

    @Test
    void anOverdueCaseClimbsTheLadderToTheHeadsOfTheUnitsAboveLevelByLevel() {
        String department = "坂田街道城市建设办公室";
        testCases.staff("ladder-department-head", Role.HANDLER, department, null, true);
        testCases.staff("ladder-street-head", Role.HANDLER, STREET, null, true);
        testCases.staff("ladder-district-head", Role.HANDLER, "龙岗区民生诉求服务中心", null, true);
        ServiceCase c = testCases.dispatchedTo(department, "municipal", "人行天桥扶手松动，已经一个月了", "坂田街道雪岗路");
        QuarkusTransaction.requiringNew().run(() -> lifecycle.accept(c.getNumber(), "system"));

        clock.advance(Duration.between(clock.instant(), c.getSchedule().escalationAt(c.getCreatedAt(), 2)).plusMinutes(1));
        monitor.check();
        assertThat(testCases.notified(c, "OVERDUE_HEAD")).as("部门负责人 and the street office above it")
                .contains("ladder-department-head", "ladder-street-head").doesNotContain("ladder-district-head");
        assertThat(testCases.notified(c, "OVERDUE_SUPERVISION")).isEmpty();

        clock.advance(Duration.between(clock.instant(), c.getSchedule().escalationAt(c.getCreatedAt(), 3)).plusMinutes(1));
        monitor.check();
        monitor.check();
        assertThat(testCases.notified(c, "OVERDUE_SUPERVISION")).as("督办室, the street office and the district")
                .contains("ladder-street-head", "ladder-district-head").doesNotContain("ladder-department-head")
                .doesNotHaveDuplicates();
    }
}
