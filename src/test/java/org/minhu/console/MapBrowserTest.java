package org.minhu.console;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.cases.ServiceCase;
import org.minhu.testing.MockCarrierResource;

import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 索骥图 in Chromium: the map is drawn from what the page carries, a case's point opens its case, and
 * a new case appears on the map and in its list without reloading, within the filters chosen.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class MapBrowserTest extends BrowserTestBase {

    /** At the south of 五和社区, away from the places other tests file at, so no other point lies on it. */
    private static final double[] SPOT = {22.6330, 114.0640};

    @Inject
    TestCases testCases;

    @Test
    void aHandlerOpensTheMapAndAPointOpensItsCase() {
        ServiceCase mine = testCases.fileAt(TestCases.newPhone(), "municipal", "人行道护栏被撞坏", "五和社区南侧",
                SPOT[0], SPOT[1]);
        ServiceCase otherUnit = testCases.fileAt(TestCases.newPhone(), "environment", "绿化带里堆满建筑垃圾", "五和社区南侧",
                SPOT[0] + 0.001, SPOT[1]);

        Page page = signIn("handler");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("诉求地图")).click();
        assertThat(page).hasURL(url("/console/map"));
        assertThat(page.locator("#case-map")).hasAttribute("data-drawn", "true");
        assertThat(page.locator("#case-map canvas").first()).isVisible();
        assertThat(page.locator(".map-legend")).containsText("未办结");
        assertThat(page.locator(".map-legend")).containsText("超时");
        assertThat(page.locator(".map-legend")).containsText("热点");

        // the points under the map, for screen readers and for this test: the handler's unit only
        Locator points = page.locator("#map-points");
        assertThat(points.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(mine.getNumber())))
                .hasAttribute("href", "/console/cases/" + mine.getNumber());
        assertThat(points).not().containsText(otherUnit.getNumber());
        String text = (String) page.evaluate("() => document.body.innerText");
        assertThat(DeskBrowserTest.FORBIDDEN.matcher(text).find()).as("English or internal ids on the map page: " + text).isFalse();
        screenshot(page, "map");

        // the point itself, on the drawn chart: its tooltip names the case, a click opens it
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) page.evaluate("number => {"
                + " const el = document.getElementById('case-map'); const chart = echarts.getInstanceByDom(el);"
                + " const series = chart.getOption().series;"
                + " for (let s = 0; s < series.length; s++) {"
                + "   const d = series[s].data.find(x => x.name === number);"
                + "   if (d) { const p = chart.convertToPixel({ seriesIndex: s }, d.value); const r = el.getBoundingClientRect();"
                + "            return [r.left + p[0], r.top + p[1]]; } }"
                + " return null; }", mine.getNumber());
        assertThat(at).as("the case's point on the chart").isNotNull();
        page.mouse().move(at.get(0).doubleValue(), at.get(1).doubleValue());
        assertThat(page.locator("#case-map")).containsText(mine.getNumber());
        page.mouse().click(at.get(0).doubleValue(), at.get(1).doubleValue());
        assertThat(page).hasURL(Pattern.compile(".*/console/cases/" + mine.getNumber() + "$"));
    }

    @Test
    void theFiltersNarrowTheMapAndAClosedStateIsExplainedInChinese() {
        ServiceCase traffic = testCases.fileAt(TestCases.newPhone(), "traffic", "路口信号灯不亮", "五和社区南侧",
                SPOT[0] - 0.001, SPOT[1] + 0.001);
        Page page = signIn("supervisor");
        page.navigate(url("/console/map"));
        assertThat(page.locator("#case-map")).hasAttribute("data-drawn", "true");
        assertThat(page.locator("#map-points")).containsText(traffic.getNumber());

        page.getByLabel("类别").selectOption("environment");
        assertThat(page).hasURL(Pattern.compile(".*/console/map\\?.*category=environment.*"));
        assertThat(page.locator("#case-map")).hasAttribute("data-drawn", "true");
        assertThat(page.locator("#map-points")).not().containsText(traffic.getNumber());

        page.navigate(url("/console/map?state=RESOLVED"));
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("地图只显示未办结的诉求");
    }

    @Test
    void anOperatorPicksThePlaceOfARequestOnTheMap() {
        Page page = signIn("operator");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("代为登记")).click();
        assertThat(page.locator("#place-map")).hasAttribute("data-drawn", "true");
        // 福华路, in 福田街道中心区第 5 网格, clicked on the map
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) page.evaluate("() => {"
                + " const el = document.getElementById('place-map'); const chart = echarts.getInstanceByDom(el);"
                + " const p = chart.convertToPixel('geo', [114.0520, 22.5380]); const r = el.getBoundingClientRect();"
                + " return [r.left + p[0], r.top + p[1]]; }");
        page.mouse().click(at.get(0).doubleValue(), at.get(1).doubleValue());
        assertThat(page.locator("#place-picked")).containsText("福田中心区 · 福田街道中心区第 5 网格");
        page.getByLabel("诉求内容").fill("福华路人行道上的路灯灯罩掉了，悬在半空");
        page.getByLabel("类别").selectOption("municipal");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记并派单")).click();
        page.locator(".flash.ok, #nearby").first().waitFor();
        if (page.locator("#nearby").count() > 0) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("仍然登记为新诉求")).click();
        }
        assertThat(page.locator(".flash.ok")).containsText("已代为登记");
        assertThat(page.locator(".facts").first()).containsText("福田街道中心区第 5 网格");
    }

    @Test
    void newCasesAppearOnTheMapWithoutReloadingWithinItsFilters() {
        Page page = signIn("supervisor");
        page.navigate(url("/console/map?category=traffic"));
        assertThat(page.locator("#case-map")).hasAttribute("data-drawn", "true");
        page.evaluate("() => { document.getElementById('case-map').dataset.mark = 'the first chart'; }");
        awaitLive(page);

        ServiceCase otherCategory = testCases.fileAt(TestCases.newPhone(), "environment", "路边垃圾桶满了没人清", "五和社区南侧",
                SPOT[0] + 0.002, SPOT[1] - 0.001);
        ServiceCase fresh = testCases.fileAt(TestCases.newPhone(), "traffic", "路口有车长期违停", "五和社区南侧",
                SPOT[0] - 0.002, SPOT[1] - 0.001);

        assertThat(page.locator("#map-points")).containsText(fresh.getNumber(),
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        String onChart = "number => { const chart = echarts.getInstanceByDom(document.getElementById('case-map'));"
                + " return !!chart && chart.getOption().series.some(s => s.data.some(d => d.name === number)); }";
        page.waitForFunction(onChart, fresh.getNumber());
        // the chart that was drawn took the points (its zoom and position stay), and the filter still holds
        assertThat(page.locator("#case-map")).hasAttribute("data-mark", "the first chart");
        assertThat(page.locator("#case-map")).hasAttribute("aria-label", Pattern.compile(".*件未办结诉求.*"));
        assertThat(page.getByLabel("类别", new Page.GetByLabelOptions().setExact(true))).hasValue("traffic");
        assertThat(page.locator("#map-points")).not().containsText(otherCategory.getNumber());
        assertThat((Boolean) page.evaluate(onChart, otherCategory.getNumber())).isFalse();
    }
}
