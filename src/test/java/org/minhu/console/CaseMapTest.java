package org.minhu.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.ServiceCase;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.minhu.proactive.hotspot.HotspotDetector;
import org.minhu.security.Role;
import org.minhu.testing.MockCarrierResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The map's data (索骥图): open cases only, the inbox's scoping, the filters, the marks, the areas. */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class CaseMapTest {

    /** 福华路, in 福田街道中心区第 5 网格; the test cases' default place is 坂田街道第五园社区第 3 网格. */
    private static final double[] FUTIAN = {22.5380, 114.0520};

    @Inject
    TestCases testCases;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    EntityManager em;

    @Inject
    HotspotDetector detector;

    @Inject
    CaseMap caseMap;

    private static JsonPath data(ConsoleSession who, String query) {
        var response = who.bare().get("/console/map/data" + query);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    private static List<String> numbers(JsonPath data) {
        return data.getList("points.number", String.class);
    }

    private static Map<String, Object> point(JsonPath data, String number) {
        return data.getMap("points.find { it.number == '" + number + "' }");
    }

    @Test
    void eachRoleSeesTheOpenCasesTheInboxShowsThemAndNoClosedOnes() {
        ServiceCase municipal = testCases.file(TestCases.newPhone(), "municipal", "路灯不亮，晚上很黑", "第五园三期");
        ServiceCase environment = testCases.file(TestCases.newPhone(), "environment", "垃圾桶满了没人清", "第五园三期");
        ServiceCase futian = testCases.fileAt(TestCases.newPhone(), "municipal", "人行道地砖松动", "福华路", FUTIAN[0], FUTIAN[1]);
        ServiceCase closed = testCases.file(TestCases.newPhone(), "municipal", "井边护栏歪了", "第五园三期");
        QuarkusTransaction.requiringNew().run(() -> {
            lifecycle.accept(closed.getNumber(), "handler");
            lifecycle.resolve(closed.getNumber(), "handler", "护栏已扶正加固", null);
        });

        JsonPath all = data(ConsoleSession.signIn("supervisor"), "");
        assertThat(numbers(all)).contains(municipal.getNumber(), environment.getNumber(), futian.getNumber())
                .as("a resolved case is not on the map").doesNotContain(closed.getNumber());
        assertThat(point(all, municipal.getNumber())).containsEntry("url", "/console/cases/" + municipal.getNumber())
                .containsEntry("categoryName", "市政设施").containsEntry("grid", "坂田街道第五园社区第 3 网格")
                .containsEntry("overdue", false);
        assertThat(all.getBoolean("capped")).isFalse();

        // a handler sees their unit's cases only, as in the inbox
        JsonPath handler = data(ConsoleSession.signIn("handler"), "");
        assertThat(numbers(handler)).contains(municipal.getNumber(), futian.getNumber())
                .doesNotContain(environment.getNumber(), closed.getNumber());
        assertThat(handler.getList("points.unit", String.class)).containsOnly(TestCases.MUNICIPAL_UNIT);
        JsonPath otherUnit = data(ConsoleSession.signIn("handler-env"), "");
        assertThat(numbers(otherUnit)).contains(environment.getNumber()).doesNotContain(municipal.getNumber(), futian.getNumber());
        // asking for another unit does not widen a handler's view
        // (other tests' cases the environment unit assists on may show: those are its own to see)
        assertThat(numbers(data(ConsoleSession.signIn("handler-env"), "?unit=" + TestCases.MUNICIPAL_UNIT)))
                .doesNotContain(municipal.getNumber(), futian.getNumber());

        // a grid worker sees their grid's cases, whatever the unit, and not the case in 福田
        JsonPath grid = data(ConsoleSession.signIn("grid"), "");
        assertThat(numbers(grid)).contains(municipal.getNumber(), environment.getNumber()).doesNotContain(futian.getNumber());
        assertThat(grid.getList("points.grid", String.class)).containsOnly("坂田街道第五园社区第 3 网格");
    }

    @Test
    void theFiltersNarrowThePointsAndBadOnesAreRefusedInChinese() {
        ServiceCase municipal = testCases.file(TestCases.newPhone(), "municipal", "路面有坑", "第五园一期");
        ServiceCase environment = testCases.file(TestCases.newPhone(), "environment", "绿化带垃圾堆积", "第五园一期");
        ServiceCase accepted = testCases.file(TestCases.newPhone(), "municipal", "消防栓漏水", "第五园一期");
        QuarkusTransaction.requiringNew().run(() -> lifecycle.accept(accepted.getNumber(), "handler"));
        ConsoleSession supervisor = ConsoleSession.signIn("supervisor");

        JsonPath byCategory = data(supervisor, "?category=environment");
        assertThat(numbers(byCategory)).contains(environment.getNumber()).doesNotContain(municipal.getNumber());
        assertThat(byCategory.getList("points.category", String.class)).containsOnly("environment");

        JsonPath byUnit = data(supervisor, "?unit=" + TestCases.MUNICIPAL_UNIT);
        assertThat(numbers(byUnit)).contains(municipal.getNumber(), accepted.getNumber()).doesNotContain(environment.getNumber());

        JsonPath byState = data(supervisor, "?state=ACCEPTED");
        assertThat(numbers(byState)).contains(accepted.getNumber()).doesNotContain(municipal.getNumber());
        assertThat(byState.getList("points.stateName", String.class)).containsOnly("已签收");

        var closedState = supervisor.bare().get("/console/map/data?state=RESOLVED");
        assertThat(closedState.statusCode()).isEqualTo(400);
        assertThat(closedState.asString()).contains("地图只显示未办结的诉求");
        var page = supervisor.bare().get("/console/map?category=nonsense");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.asString()).contains("没有这个类别", "诉求地图");
    }

    @Test
    void overdueCasesAndCasesInAHotSpotAreMarked() {
        ServiceCase late = testCases.fileAt(TestCases.newPhone(), "education", "学校门口斑马线褪色", "岗头市场",
                22.6620, 114.0480);
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update ServiceCase c set c.schedule.dueAt = :past where c.number = :n")
                .setParameter("past", Instant.now().minus(Duration.ofHours(3))).setParameter("n", late.getNumber())
                .executeUpdate());
        ServiceCase hot = null;
        for (int i = 0; i < 5; i++) {
            hot = testCases.fileAt(TestCases.newPhone(), "traffic", "路口违停严重，堵住通道", "会展中心",
                    22.5361 + i * 0.0002, 114.0561);
        }
        detector.awaitIdle(Duration.ofSeconds(10));
        ConsoleSession supervisor = ConsoleSession.signIn("supervisor");

        JsonPath all = data(supervisor, "");
        assertThat(point(all, late.getNumber())).containsEntry("overdue", true);
        assertThat(point(all, hot.getNumber())).containsEntry("hotspot", true);
        JsonPath overdueOnly = data(supervisor, "?overdue=true");
        assertThat(numbers(overdueOnly)).contains(late.getNumber()).doesNotContain(hot.getNumber());

        String html = supervisor.bare().get("/console/map?overdue=true").asString();
        assertThat(html).contains("href=\"/console/cases/" + late.getNumber() + "\"", "图例", "超时", "热点");
    }

    @Test
    void pastTheCapOnlyTheNewestAreDrawnAndTheViewSaysSo() {
        ServiceCase first = testCases.file(TestCases.newPhone(), "municipal", "路沿石破损", "第五园三期");
        ServiceCase second = testCases.file(TestCases.newPhone(), "environment", "路边堆放杂物", "第五园三期");
        ServiceCase third = testCases.file(TestCases.newPhone(), "municipal", "雨水篦子缺失", "第五园三期");
        QuarkusTransaction.requiringNew().run(() -> lifecycle.accept(second.getNumber(), "handler-env"));
        Viewer supervisor = new Viewer(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("supervisor"))
                .addRole(Role.SUPERVISOR_NAME).build());

        // the newest across the open states (the second case is in another state than the others); other
        // tests' cases may be newer (some move the clock on), so the newest are read from the whole view
        CaseMap.View wide = QuarkusTransaction.requiringNew().call(() -> caseMap.open(supervisor, InboxFilter.none(), 100_000));
        assertThat(wide.capped()).isFalse();
        assertThat(wide.points()).extracting(CaseMap.Point::number)
                .contains(first.getNumber(), second.getNumber(), third.getNumber());
        CaseMap.View view = QuarkusTransaction.requiringNew().call(() -> caseMap.open(supervisor, InboxFilter.none(), 2));
        assertThat(view.capped()).isTrue();
        assertThat(view.points()).extracting(CaseMap.Point::number)
                .containsExactly(wide.points().get(0).number(), wide.points().get(1).number());
    }

    @Test
    void aPlacePickedOnTheIntakeMapPlacesTheCaseAndAnUnreadableOneIsRefusedInChinese() {
        ConsoleSession operator = ConsoleSession.signIn("operator");
        String description = "会展中心北侧路灯不亮 " + System.nanoTime();
        var filed = operator.form().formParam("channel", "phone").formParam("category", "municipal")
                .formParam("description", description).formParam("address", "会展中心北侧")
                .formParam("latitude", "22.5380").formParam("longitude", "114.0520").formParam("confirm", "yes")
                .post("/console/intake");
        assertThat(filed.statusCode()).as(filed.asString()).isEqualTo(303);
        String number = filed.header("Location").replaceAll(".*/console/cases/([^?]+).*", "$1");
        ServiceCase c = testCases.reload(number);
        assertThat(c.getLatitude()).isEqualTo(22.5380);
        assertThat(c.getUnits().getGrid()).isEqualTo("福田街道中心区第 5 网格");

        var refused = operator.form().formParam("channel", "phone").formParam("category", "municipal")
                .formParam("description", "路灯不亮").formParam("latitude", "北纬").formParam("longitude", "114.05")
                .post("/console/intake");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("图上选定的位置无法识别");
    }

    @Test
    void theAreasAreGeoJsonOfTheDispatchRulesCommunitiesAndGrids() {
        JsonPath areas = ConsoleSession.signIn("handler").bare().get("/console/map/areas").jsonPath();
        assertThat(areas.getString("type")).isEqualTo("FeatureCollection");
        assertThat(areas.getList("features.properties.grid", String.class))
                .contains("福田街道中心区第 5 网格", "坂田街道第五园社区第 3 网格", "坂田街道五和社区第 1 网格");
        assertThat(areas.getList("features.geometry.type", String.class)).isSubsetOf("Polygon", "MultiPolygon");
    }
}
