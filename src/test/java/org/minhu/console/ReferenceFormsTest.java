package org.minhu.console;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.MultiPartSpecification;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minhu.cases.Categories;
import org.minhu.cases.DispatchRules;
import org.minhu.cases.Gazetteer;
import org.minhu.console.ReferenceDocuments;
import org.minhu.conversation.WorkingHours;
import org.minhu.knowledge.KnowledgeBase;
import org.minhu.security.CsrfFilter;
import org.minhu.testing.MockCarrierResource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference documents' forms over HTTP: a form posted back as the page shows it saves a new
 * version equal to the one it showed (the same categories, rules and answers, and the comments
 * above each part kept); a wrong field is refused in Chinese naming its row and field, and what
 * only the document's checks find is named by row and field too.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class ReferenceFormsTest {

    /** A field as the page writes it: its key, then a select, a text area or a line. */
    private static final Pattern FIELD = Pattern.compile("name=\"at\" value=\"([^\"]*)\">\\s*(?:<select name=\"cell\"[^>]*>(.*?)</select>"
            + "|<textarea name=\"cell\"[^>]*>(.*?)</textarea>|<input name=\"cell\" value=\"([^\"]*)\")", Pattern.DOTALL);
    private static final Pattern SELECTED = Pattern.compile("<option value=\"([^\"]*)\" selected>");
    private static final Pattern FIRST_OPTION = Pattern.compile("<option value=\"([^\"]*)\"");
    private static final Pattern ALERT = Pattern.compile("role=\"alert\">([^<]*)<");

    @Inject
    ReferenceDocuments references;

    @Inject
    WorkingHours hours;

    @AfterEach
    void backToTheShippedVersions() {
        for (String name : List.of(DispatchRules.DOCUMENT, Categories.DOCUMENT, KnowledgeBase.DOCUMENT, Gazetteer.DOCUMENT,
                WorkingHours.DOCUMENT)) {
            references.restoreShipped(name, "test");
        }
    }

    /** The fields a browser would send for the form on the page: keys and values, in the page's order. */
    private static List<List<String>> fields(String page) {
        List<String> at = new ArrayList<>();
        List<String> cell = new ArrayList<>();
        Matcher m = FIELD.matcher(page);
        while (m.find()) {
            if (m.group(1).contains("__ROW__")) {
                continue; // the blank row, inside a template: not sent
            }
            at.add(unescape(m.group(1)));
            String value;
            if (m.group(2) != null) {
                Matcher selected = SELECTED.matcher(m.group(2));
                Matcher first = FIRST_OPTION.matcher(m.group(2));
                value = selected.find() ? selected.group(1) : first.find() ? first.group(1) : "";
            } else {
                value = m.group(3) != null ? m.group(3) : m.group(4);
            }
            cell.add(unescape(value));
        }
        return List.of(at, cell);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** As the page's form sends it: multipart, every field a part. */
    private Response post(ConsoleSession admin, String name, List<String> at, List<String> cell) {
        return post(admin, name, at, cell, List.of());
    }

    /** With the ticked checkboxes, each its field's key and its value. */
    private Response post(ConsoleSession admin, String name, List<String> at, List<String> cell, List<String> picks) {
        RequestSpecification request = admin.bare()
                .multiPart(part(CsrfFilter.FIELD, admin.csrf()))
                .multiPart(part("version", String.valueOf(references.current(name).version())));
        for (int i = 0; i < at.size(); i++) {
            request.multiPart(part("at", at.get(i)));
            if (i < cell.size()) {
                request.multiPart(part("cell", cell.get(i)));
            }
        }
        for (String pick : picks) {
            request.multiPart(part("pick", pick));
        }
        return request.post("/console/admin/reference/" + name + "/form");
    }

    private static MultiPartSpecification part(String name, String value) {
        return new MultiPartSpecBuilder(value).controlName(name).charset(StandardCharsets.UTF_8).build();
    }

    private static String alert(Response page) {
        Matcher m = ALERT.matcher(page.asString());
        assertThat(m.find()).as("a refusal on the page").isTrue();
        return unescape(m.group(1));
    }

    @Test
    void aFormSavedUnchangedIsTheDocumentItShowed() {
        ConsoleSession admin = ConsoleSession.signIn("admin");
        for (String name : List.of(Categories.DOCUMENT, DispatchRules.DOCUMENT, KnowledgeBase.DOCUMENT, Gazetteer.DOCUMENT)) {
            String shipped = references.current(name).text();
            String page = admin.bare().get("/console/admin/reference/" + name).then().statusCode(200).extract().asString();
            List<List<String>> fields = fields(page);
            assertThat(fields.get(0)).as(name + " shows fields").hasSizeGreaterThan(10);
            int before = references.current(name).version();

            Response saved = post(admin, name, fields.get(0), fields.get(1));
            assertThat(saved.statusCode()).as(name + ": " + saved.asString()).isEqualTo(303);
            ReferenceDocuments.Document stored = references.current(name);
            assertThat(stored.version()).as(name + " saved as a new version").isEqualTo(before + 1);
            assertThat(stored.text()).as(name + " is a text of its own").isNotEqualTo(shipped);
            switch (name) {
                case Categories.DOCUMENT -> assertThat(Categories.parse("saved", stored.text()).all())
                        .isEqualTo(Categories.parse("shipped", shipped).all());
                case DispatchRules.DOCUMENT -> assertThat(DispatchRules.parse("saved", stored.text()))
                        .isEqualTo(DispatchRules.parse("shipped", shipped));
                case KnowledgeBase.DOCUMENT -> assertThat(KnowledgeBase.parse("saved", stored.text()).entries())
                        .isEqualTo(KnowledgeBase.parse("shipped", shipped).entries());
                default -> assertThat(Gazetteer.parse("saved", stored.text()).places())
                        .isEqualTo(Gazetteer.parse("shipped", shipped).places());
            }
            // the comments that explain each part stay for the YAML view
            String firstComment = shipped.lines().findFirst().orElseThrow();
            assertThat(stored.text()).as(name).startsWith(firstComment);
            if (name.equals(DispatchRules.DOCUMENT)) {
                assertThat(stored.text()).contains("# Danger to people now.", "emergencies:");
            }
            if (name.equals(Gazetteer.DOCUMENT)) {
                // and those between the entries, before the same entry
                assertThat(stored.text()).contains("  # 五和社区 (坂田街道五和社区第 1 网格)\n  - name: 五和大道");
            }
            // and the form shows it again the same way
            assertThat(fields(admin.bare().get("/console/admin/reference/" + name).asString())).isEqualTo(fields);
        }
    }

    @Test
    void aWrongFieldIsRefusedNamingItsRowAndField() {
        ConsoleSession admin = ConsoleSession.signIn("admin");
        String page = admin.bare().get("/console/admin/reference/" + Categories.DOCUMENT).asString();
        List<List<String>> fields = fields(page);
        int version = references.current(Categories.DOCUMENT).version();

        List<String> cells = new ArrayList<>(fields.get(1));
        cells.set(fields.get(0).indexOf("categories|r2|description.zh-CN"), "很长的说明".repeat(13));
        Response refused = post(admin, Categories.DOCUMENT, fields.get(0), cells);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(alert(refused)).isEqualTo("没有保存：诉求类别第 3 行「说明（中文）」最多 60 个字，现在有 65 个");
        assertThat(refused.asString()).as("the typed text is kept").contains("很长的说明".repeat(13));

        cells = new ArrayList<>(fields.get(1));
        cells.set(fields.get(0).indexOf("categories|r4|code"), "property");
        assertThat(alert(post(admin, Categories.DOCUMENT, fields.get(0), cells)))
                .isEqualTo("没有保存：诉求类别第 5 行「代码」“property”与第 1 行重复");
        assertThat(references.current(Categories.DOCUMENT).version()).as("nothing saved").isEqualTo(version);

        // what only the document's own checks find is named by row and field as well
        String rules = admin.bare().get("/console/admin/reference/" + DispatchRules.DOCUMENT).asString();
        List<List<String>> ruleFields = fields(rules);
        List<String> ruleCells = new ArrayList<>(ruleFields.get(1));
        ruleCells.set(ruleFields.get(0).indexOf("areas|r1|latitude"), "95");
        assertThat(alert(post(admin, DispatchRules.DOCUMENT, ruleFields.get(0), ruleCells)))
                .startsWith("没有保存，派单规则有误。网格与社区第 2 行：区域 wuhe 的纬度应在 -90 到 90 之间");

        // a select's value that is not among its choices
        ruleCells = new ArrayList<>(ruleFields.get(1));
        List<String> at = new ArrayList<>(ruleFields.get(0));
        at.addAll(List.of("assignments|n1|category", "assignments|n1|area", "assignments|n1|unit"));
        ruleCells.addAll(List.of("lostpet", "", "坂田街道宠物驿站"));
        assertThat(alert(post(admin, DispatchRules.DOCUMENT, at, ruleCells)))
                .isEqualTo("没有保存：指定承办单位第 1 行「类别」“lostpet”不是可选的值，请从列表中选择");
    }

    @Test
    void theYamlViewIsATabBesideTheForm() {
        ConsoleSession admin = ConsoleSession.signIn("admin");
        String yaml = admin.bare().get("/console/admin/reference/" + Categories.DOCUMENT + "?view=yaml").asString();
        assertThat(yaml).contains("aria-label=\"诉求类别（YAML）\"", "# The categories a resident chooses from")
                .doesNotContain("name=\"at\"");
        assertThat(admin.bare().get("/console/admin/reference/" + Categories.DOCUMENT).asString())
                .contains("name=\"at\"").doesNotContain("诉求类别（YAML）");
    }

    @Test
    void theWorkingHoursAreAFormOfDaysTimesAndClosedDates() {
        ConsoleSession admin = ConsoleSession.signIn("admin");
        String page = admin.bare().get("/console/admin/reference/" + WorkingHours.DOCUMENT).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("<h2>工作时间", "开放日", "开始时间", "结束时间", "休息日", "添加日期");
        for (String day : List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")) {
            assertThat(page).as("the shipped hours are every day").contains("value=\"services|r0|days|" + day + "\" checked>");
        }
        List<List<String>> fields = fields(page);
        List<String> at = new ArrayList<>(fields.get(0));
        List<String> cells = new ArrayList<>(fields.get(1));
        assertThat(cells.get(at.indexOf("services|r0|_key"))).isEqualTo("live-chat");
        assertThat(cells.get(at.indexOf("services|r0|name"))).isEqualTo("人工服务");
        assertThat(cells.get(at.indexOf("services|r0|from"))).isEqualTo("08:30");
        int version = references.current(WorkingHours.DOCUMENT).version();

        // weekdays 09:00–17:30, shut on Christmas Day and New Year's Day
        cells.set(at.indexOf("services|r0|from"), "09:00");
        cells.set(at.indexOf("services|r0|to"), "17:30");
        at.addAll(List.of("services|r0|closed", "services|r0|closed"));
        cells.addAll(List.of("2026-12-25", "2027-01-01"));
        List<String> weekdays = List.of("services|r0|days|MON", "services|r0|days|TUE", "services|r0|days|WED",
                "services|r0|days|THU", "services|r0|days|FRI");
        Response saved = post(admin, WorkingHours.DOCUMENT, at, cells, weekdays);
        assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(303);
        ReferenceDocuments.Document stored = references.current(WorkingHours.DOCUMENT);
        assertThat(stored.version()).isEqualTo(version + 1);
        assertThat(stored.text()).startsWith("# Working hours: when people answer each service.");
        WorkingHours.Service service = WorkingHours.parse(stored.text(), "saved").services().get(WorkingHours.LIVE_CHAT);
        assertThat(service).isEqualTo(new WorkingHours.Service("人工服务", List.of("MON", "TUE", "WED", "THU", "FRI"),
                "09:00", "17:30", List.of("2026-12-25", "2027-01-01")));
        // in use at once: what a resident who asks for a person is told
        assertThat(hours.status(WorkingHours.LIVE_CHAT, Instant.parse("2026-12-25T02:00:00Z")).hours())
                .isEqualTo("周一至周五 09:00–17:30");
        // and the form shows it again: Saturday unticked, the two dates each a field of its own
        String again = admin.bare().get("/console/admin/reference/" + WorkingHours.DOCUMENT).asString();
        assertThat(again).contains("value=\"services|r0|days|FRI\" checked>", "value=\"services|r0|days|SAT\">",
                "value=\"2026-12-25\" type=\"date\"", "value=\"2027-01-01\" type=\"date\"");

        // refused, naming the service: closing before opening, no day ticked, a time that is not one
        int before = references.current(WorkingHours.DOCUMENT).version();
        List<String> wrong = new ArrayList<>(cells);
        wrong.set(at.indexOf("services|r0|to"), "08:00");
        Response refused = post(admin, WorkingHours.DOCUMENT, at, wrong, weekdays);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(alert(refused)).isEqualTo("没有保存，工作时间有误。服务时间第 1 行：人工服务 的结束时间须晚于开始时间");
        assertThat(refused.asString()).as("the typed time is kept").contains("value=\"08:00\" type=\"time\"");
        assertThat(alert(post(admin, WorkingHours.DOCUMENT, at, cells, List.of())))
                .isEqualTo("没有保存：服务时间第 1 行「开放日」至少要选一项");
        wrong = new ArrayList<>(cells);
        wrong.set(at.indexOf("services|r0|from"), "8点半");
        assertThat(alert(post(admin, WorkingHours.DOCUMENT, at, wrong, weekdays)))
                .isEqualTo("没有保存：服务时间第 1 行「开始时间」应写作 时:分，如 08:30，填写的是“8点半”");
        wrong = new ArrayList<>(cells);
        wrong.set(at.indexOf("services|r0|_key"), "hotline");
        assertThat(alert(post(admin, WorkingHours.DOCUMENT, at, wrong, weekdays)))
                .contains("必须有 live-chat（人工服务）的工作时间");
        assertThat(references.current(WorkingHours.DOCUMENT).version()).as("nothing saved").isEqualTo(before);
    }
}
