package org.minhu.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseTag;
import org.minhu.cases.CaseTags;
import org.minhu.cases.CasesConfig;
import org.minhu.cases.ServiceCase;
import org.minhu.security.DemoAccounts;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.TestClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Labels (标签) outside the inbox: a case read through {@code /api/cases} names its labels, the API's
 * lists take {@code label} to list only the cases that carry it (an unknown one is refused in
 * words), and the weekly summary has a column per label counting each unit's cases that carry it.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class CaseLabelsApiAndReportsTest {

    static final String UNIT = "标签接口测试单位";
    static final String REPORTED_UNIT = "标签报表测试单位";

    @Inject
    TestCases testCases;

    @Inject
    CaseTags tags;

    @Inject
    TestClock clock;

    @Inject
    CasesConfig config;

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    private static RequestSpecification supervisor() {
        return given().auth().preemptive().basic("supervisor", DemoAccounts.PASSWORD).contentType("application/json");
    }

    @Test
    void theApiNamesACasesLabelsAndListsOnlyTheCasesThatCarryOne() {
        String name = "接口标签" + System.nanoTime() % 100_000;
        CaseTag label = QuarkusTransaction.requiringNew().call(() -> tags.create(name, "#1f6feb"));
        ServiceCase tagged = testCases.dispatchedTo(UNIT, "municipal", "路灯不亮很久了", "坂田街道五和大道");
        ServiceCase other = testCases.dispatchedTo(UNIT, "municipal", "井盖松动", "坂田街道五和大道");
        supervisor().body(Map.of("tag", label.getId())).post("/api/cases/" + tagged.getNumber() + "/tag")
                .then().statusCode(200);

        assertThat(supervisor().get("/api/cases/" + tagged.getNumber()).then().statusCode(200).extract()
                .jsonPath().getList("labels", String.class)).containsExactly(name);
        assertThat(supervisor().get("/api/cases/" + other.getNumber()).then().statusCode(200).extract()
                .jsonPath().getList("labels", String.class)).isEmpty();

        // both past their deadline: the overdue list with the label has the labelled one only
        clock.advance(Duration.between(tagged.getCreatedAt(), tagged.getDueAt()).plusHours(1));
        List<String> overdue = supervisor().queryParam("label", name).get("/api/cases/overdue").then().statusCode(200)
                .extract().jsonPath().getList("number", String.class);
        assertThat(overdue).containsExactly(tagged.getNumber());
        assertThat(supervisor().queryParam("label", name).get("/api/cases/overdue").then().extract()
                .jsonPath().getList("labels[0]", String.class)).containsExactly(name);

        String refused = supervisor().queryParam("label", "没有这个标签").get("/api/cases/overdue").then().statusCode(400)
                .extract().asString();
        assertThat(refused).contains("没有名为「没有这个标签」的标签");
    }

    @Test
    void theWeeklySummaryCountsEachUnitsCasesPerLabel() {
        String name = "报表标签" + System.nanoTime() % 100_000;
        CaseTag label = QuarkusTransaction.requiringNew().call(() -> tags.create(name, "#d1242f"));
        ServiceCase first = testCases.dispatchedTo(REPORTED_UNIT, "municipal", "路灯闪烁", "坂田街道雪岗路");
        ServiceCase second = testCases.dispatchedTo(REPORTED_UNIT, "municipal", "路灯不亮", "坂田街道雪岗路");
        testCases.dispatchedTo(REPORTED_UNIT, "municipal", "人行道砖块松动", "坂田街道雪岗路");
        for (ServiceCase c : List.of(first, second)) {
            supervisor().body(Map.of("tag", label.getId())).post("/api/cases/" + c.getNumber() + "/tag")
                    .then().statusCode(200);
        }

        LocalDate today = LocalDate.ofInstant(clock.instant(), config.zone());
        byte[] file = ConsoleSession.signIn("supervisor").bare().get("/console/reports/weekly?week=" + today + "&format=csv")
                .then().statusCode(200).extract().asByteArray();
        List<String> lines = new String(file, StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
        List<String> header = cells(lines.get(0));
        int column = header.indexOf("标签：" + name);
        assertThat(column).as("a column for the label in " + header).isPositive();
        List<String> unit = lines.stream().map(CaseLabelsApiAndReportsTest::cells).filter(l -> l.get(0).equals(REPORTED_UNIT))
                .findFirst().orElseThrow();
        assertThat(unit.get(1)).as("the unit's cases this week").isEqualTo("3");
        assertThat(unit.get(column)).as("of which carry the label").isEqualTo("2");
        List<String> total = lines.stream().map(CaseLabelsApiAndReportsTest::cells).filter(l -> l.get(0).equals("合计"))
                .findFirst().orElseThrow();
        assertThat(total.get(column)).isEqualTo("2");
    }

    /** A CSV line's cells, unquoted (the report quotes every cell; these hold no commas or quotes). */
    private static List<String> cells(String line) {
        return Arrays.stream(line.split(",", -1)).map(c -> c.replaceAll("^\"|\"$", "")).toList();
    }
}
