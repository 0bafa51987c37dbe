package org.minhu.console;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.testing.MockCarrierResource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The public echo wall: a visitor narrows it to a kind of problem or an area and pages back through older cases. */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class EchoWallTest {

    private static final String FUTIAN = "福田街道中心区第 5 网格";
    private static final Pattern ITEM = Pattern.compile(
            "<article class=\"item\" data-filed=\"([^\"]+)\">.*?<span class=\"category\">([^<]*)</span><span class=\"area\">([^<]*)</span>",
            Pattern.DOTALL);
    private static final Pattern NEXT = Pattern.compile("<a rel=\"next\" href=\"([^\"]+)\">");

    @Inject
    TestCases testCases;

    private record Shown(Instant filed, String category, String area) {
    }

    private static String page(String pathAndQuery) {
        return given().urlEncodingEnabled(false).get(pathAndQuery).then().statusCode(200).extract().asString();
    }

    private static List<Shown> items(String html) {
        List<Shown> shown = new ArrayList<>();
        Matcher m = ITEM.matcher(html);
        while (m.find()) {
            shown.add(new Shown(Instant.parse(m.group(1)), m.group(2), m.group(3)));
        }
        return shown;
    }

    @Test
    void aVisitorFiltersByKindAndAreaAndPagesBackThroughOlderCases() {
        // more than a page of traffic cases in 福田 (福华路), and an environment case in 第五园
        for (int i = 0; i < 53; i++) {
            testCases.fileAt(TestCases.newPhone(), "traffic", "福华路路口违停 " + i, "福华路", 22.5380, 114.0520);
        }
        testCases.file(TestCases.newPhone(), "environment", "第五园垃圾堆放", "第五园");

        String first = page("/echo-wall?category=traffic&area=" + URLEncoder.encode(FUTIAN, StandardCharsets.UTF_8));
        List<Shown> page1 = items(first);
        assertThat(page1).hasSize(50).allSatisfy(s -> {
            assertThat(s.category()).isEqualTo("交通出行");
            assertThat(s.area()).isEqualTo(FUTIAN);
        });
        assertThat(first).contains("<option value=\"traffic\" selected>").contains("<option value=\"" + FUTIAN + "\" selected>");

        // older ones, with the same filters, newest first throughout
        Matcher next = NEXT.matcher(first);
        assertThat(next.find()).as("a link to older cases").isTrue();
        String second = page(next.group(1).replace("&amp;", "&"));
        List<Shown> page2 = items(second);
        assertThat(page2).isNotEmpty().allSatisfy(s -> assertThat(s.area()).isEqualTo(FUTIAN));
        assertThat(second).contains("以下是更早的");
        List<Shown> both = new ArrayList<>(page1);
        both.addAll(page2);
        for (int i = 1; i < both.size(); i++) {
            assertThat(both.get(i).filed()).isBeforeOrEqualTo(both.get(i - 1).filed());
        }
        assertThat(page2.get(0).filed()).isBeforeOrEqualTo(page1.get(49).filed());

        // another kind shows only itself; an unknown kind or page mark is left out, not refused
        assertThat(items(page("/echo-wall?category=environment"))).isNotEmpty()
                .allSatisfy(s -> assertThat(s.category()).isEqualTo("环境卫生"));
        String unknown = page("/echo-wall?category=no-such-kind&before=garbage");
        assertThat(unknown).doesNotContain(" selected>");
        assertThat(items(unknown)).hasSize(50);
    }
}
