package org.minhu.console;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minhu.cases.Categories;
import org.minhu.cases.Category;
import org.minhu.cases.DispatchRules;
import org.minhu.console.ReferenceDocuments;
import org.minhu.knowledge.KnowledgeBase;
import org.minhu.reference.ReferenceData;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Phone;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.minhu.testing.Phone.all;
import static org.minhu.testing.Phone.text;

/**
 * Admins edit the categories, dispatch rules and knowledge base in their YAML view; residents and
 * Open311 clients see the change at once, a text that would not start the service is refused with
 * its line, and the shipped files come back at a click. Every test leaves the shipped versions in
 * use, since all test classes share one application.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class ReferenceDocumentsTest {

    private static final Pattern ALERT = Pattern.compile("role=\"alert\">([^<]*)<");

    private static final List<String> SHIPPED_CODES = List.of("property", "municipal", "environment", "traffic",
            "education", "elderly", "ebike", "neighbour", "consumer", "policy");

    private static final String LOST_PET_ENTRY = """

              - id: lost-pet
                question:
                  zh-CN: 捡到走失的宠物怎么办？
                  en: I found a lost pet. What should I do?
                answer:
                  zh-CN: 请把宠物交给社区宠物驿站（第五园社区服务中心一楼），驿站会查找主人。
                  en: Take it to the community pet point on the ground floor of the Diwuyuan service centre.
                keywords: [走失, 宠物走丢, found a lost pet]
            """;

    private static final String LOST_PET_CATEGORY = """

              - code: lostpet
                name: {zh-CN: 宠物走失, en: Lost pets}
                description: {zh-CN: 走失、捡到的宠物, en: "Lost and found pets"}
                unit: 坂田街道宠物驿站
                priority: C
                dueHours: 72
                keywords: [走失, 宠物走丢]
            """;

    @Inject
    ReferenceDocuments references;

    @Inject
    Categories categories;

    @Inject
    KnowledgeBase knowledge;

    @Inject
    TestCases testCases;

    @AfterEach
    void backToTheShippedVersions() {
        for (String name : List.of(Categories.DOCUMENT, DispatchRules.DOCUMENT, KnowledgeBase.DOCUMENT)) {
            references.restoreShipped(name, "test");
        }
    }

    private static String shipped(String resource) {
        return ReferenceData.shipped(resource);
    }

    private Response save(ConsoleSession admin, String name, String text) {
        return admin.form().formParam("text", text).formParam("version", references.current(name).version())
                .post("/console/admin/reference/" + name);
    }

    /** The refusal as the page shows it, unescaped. */
    private static String alert(Response page) {
        Matcher m = ALERT.matcher(page.asString());
        assertThat(m.find()).as("a refusal on the page").isTrue();
        return m.group(1).replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }

    private static Phone phone() {
        return new Phone(TestCases.newPhone());
    }

    @Test
    void anAnswerAnAdminAddsIsWhatAResidentAskingGets() {
        Phone before = phone();
        before.send("你好");
        before.tap("咨询问题");
        assertThat(all(before.send("捡到走失的宠物怎么办"))).doesNotContain("社区宠物驿站");

        ConsoleSession admin = ConsoleSession.signIn("admin");
        assertThat(save(admin, KnowledgeBase.DOCUMENT, shipped(KnowledgeBase.RESOURCE) + LOST_PET_ENTRY).statusCode())
                .isEqualTo(303);
        String page = admin.bare().get("/console/admin/reference/" + KnowledgeBase.DOCUMENT + "?view=yaml").asString();
        assertThat(page).contains("id: lost-pet", "admin");

        Phone resident = phone();
        resident.send("你好");
        resident.tap("咨询问题");
        assertThat(all(resident.send("捡到走失的宠物怎么办"))).contains("社区宠物驿站");
    }

    @Test
    void aCategoryAnAdminAddsIsOfferedToResidentsAndOpen311Clients() {
        // a resident shown the categories before the change (what flows read is built once per version)
        Phone before = phone();
        before.send("你好");
        List<Map<String, Object>> offered = before.tap("我要反映");
        assertThat(text(offered.get(offered.size() - 1))).contains("市政设施").doesNotContain("宠物走失");

        ConsoleSession admin = ConsoleSession.signIn("admin");
        assertThat(save(admin, Categories.DOCUMENT, shipped(Categories.RESOURCE) + LOST_PET_CATEGORY).statusCode())
                .isEqualTo(303);

        Phone resident = phone();
        resident.send("你好");
        List<Map<String, Object>> shown = resident.tap("我要反映");
        assertThat(text(shown.get(shown.size() - 1))).contains("宠物走失", "市政设施");
        assertThat(all(resident.tapPostback("opt:file-request:category:lostpet"))).contains("请简要描述发生了什么");

        List<String> services = given().get("/open311/v2/services.json").jsonPath().getList("service_code");
        assertThat(services).contains("lostpet", "municipal");
        assertThat(admin.bare().get("/console").asString()).contains("坂田街道宠物驿站");
    }

    @Test
    void aTextThatWouldNotStartTheServiceIsRefusedWithItsLineAndChangesNothing() {
        ConsoleSession admin = ConsoleSession.signIn("admin");
        int version = references.current(Categories.DOCUMENT).version();
        String broken = """
                categories:
                  - code: property
                    name: {zh-CN: 物业服务, en: Property management}
                   description: oops
                """;
        Response refused = save(admin, Categories.DOCUMENT, broken);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(alert(refused)).contains("没有保存", "第 4 行");
        assertThat(refused.asString()).as("the text as typed, to correct").contains("   description: oops");

        String rules = shipped(DispatchRules.RESOURCE);
        int line = rules.substring(0, rules.indexOf("  B: [停水")).split("\n", -1).length;
        Response badPriority = save(admin, DispatchRules.DOCUMENT, rules.replace("  B: [停水", "  D: [停水"));
        assertThat(badPriority.statusCode()).isEqualTo(400);
        assertThat(alert(badPriority)).contains("没有保存", "第 " + line + " 行", "\"D\"", "[A, B, C]").doesNotContain("org.", "com.");

        Response noUnit = save(admin, Categories.DOCUMENT, shipped(Categories.RESOURCE) + LOST_PET_CATEGORY.replace("unit: 坂田街道宠物驿站", "unit: \" \""));
        assertThat(noUnit.statusCode()).isEqualTo(400);
        assertThat(alert(noUnit)).contains("lostpet needs a unit").containsPattern("第 \\d+ 行");

        // Jackson's refusals are said in Chinese, with where in the document
        Response wrongShape = save(admin, Categories.DOCUMENT, shipped(Categories.RESOURCE).replaceFirst("dueHours: 72", "dueHours: [72]"));
        assertThat(wrongShape.statusCode()).isEqualTo(400);
        assertThat(alert(wrongShape)).contains("没有保存", "「categories[0].dueHours」的写法不对，应为整数")
                .doesNotContain("Cannot deserialize");
        Response unknownField = save(admin, Categories.DOCUMENT, shipped(Categories.RESOURCE).replaceFirst("    dueHours: 72", "    dueHour: 72"));
        assertThat(alert(unknownField)).contains("「categories[0].dueHours」缺少必填的内容").doesNotContain("Missing");

        assertThat(references.current(Categories.DOCUMENT).version()).isEqualTo(version);
        assertThat(categories.all()).extracting(Category::code).containsExactlyElementsOf(SHIPPED_CODES);
    }

    @Test
    void aCategoryThatCasesUseCannotBeRemoved() {
        testCases.file(TestCases.newPhone(), "property", "电梯坏了三天", "第五园三期");
        ConsoleSession admin = ConsoleSession.signIn("admin");
        String withoutProperty = shipped(Categories.RESOURCE).replaceFirst("(?s)  - code: property.*?(?=  - code: municipal)", "");
        assertThat(Categories.parse("test", withoutProperty).byCode()).doesNotContainKey("property");

        Response refused = save(admin, Categories.DOCUMENT, withoutProperty);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(alert(refused)).contains("仍有诉求使用", "property（").contains("件");
        assertThat(categories.find("property")).isPresent();
    }

    @Test
    void onlyAnAdminMayChangeThem() {
        for (String username : List.of("operator", "handler", "supervisor")) {
            ConsoleSession staff = ConsoleSession.signIn(username);
            assertThat(staff.form().formParam("text", shipped(Categories.RESOURCE) + LOST_PET_CATEGORY).formParam("version", 0)
                    .post("/console/admin/reference/" + Categories.DOCUMENT).statusCode()).as(username).isEqualTo(403);
            assertThat(staff.form().post("/console/admin/reference/" + Categories.DOCUMENT + "/shipped").statusCode())
                    .as(username).isEqualTo(403);
        }
        ConsoleSession admin = ConsoleSession.signIn("admin");
        assertThat(admin.bare().formParam("text", shipped(Categories.RESOURCE) + LOST_PET_CATEGORY)
                .contentType("application/x-www-form-urlencoded").formParam("version", references.current(Categories.DOCUMENT).version())
                .post("/console/admin/reference/" + Categories.DOCUMENT).statusCode()).as("without the CSRF token").isEqualTo(403);
        assertThat(categories.find("lostpet")).isEmpty();
    }

    @Test
    void theShippedVersionComesBackAtAClick() {
        ConsoleSession admin = ConsoleSession.signIn("admin");
        String shortAnswer = shipped(KnowledgeBase.RESOURCE) + LOST_PET_ENTRY;
        assertThat(save(admin, KnowledgeBase.DOCUMENT, shortAnswer).statusCode()).isEqualTo(303);
        assertThat(knowledge.all()).extracting(e -> e.id()).contains("lost-pet");
        int saved = references.current(KnowledgeBase.DOCUMENT).version();
        String restore = "action=\"/console/admin/reference/" + KnowledgeBase.DOCUMENT + "/shipped\"";
        String yamlView = "/console/admin/reference/" + KnowledgeBase.DOCUMENT + "?view=yaml";
        assertThat(admin.bare().get(yamlView).asString()).contains(restore);

        assertThat(admin.form().post("/console/admin/reference/" + KnowledgeBase.DOCUMENT + "/shipped").statusCode()).isEqualTo(303);
        assertThat(knowledge.all()).extracting(e -> e.id()).doesNotContain("lost-pet");
        assertThat(references.current(KnowledgeBase.DOCUMENT).shipped()).isTrue();
        assertThat(references.current(KnowledgeBase.DOCUMENT).text()).isEqualTo(shipped(KnowledgeBase.RESOURCE));
        String page = admin.bare().get(yamlView).asString();
        assertThat(page).doesNotContain(restore).contains("id: how-to-file");
        String earlier = "/console/admin/reference/" + KnowledgeBase.DOCUMENT + "/versions/" + saved;
        assertThat(page).as("the saved version is listed").contains("href=\"" + earlier + "\"");
        assertThat(admin.bare().get(earlier).asString()).as("and can be read again").contains("id: lost-pet");
    }

    @Test
    void aSaveBasedOnAVersionSomeoneElseReplacedIsRefused() {
        ConsoleSession admin = ConsoleSession.signIn("admin");
        int version = references.current(Categories.DOCUMENT).version();
        assertThat(save(admin, Categories.DOCUMENT, shipped(Categories.RESOURCE) + LOST_PET_CATEGORY).statusCode()).isEqualTo(303);
        Response stale = admin.form().formParam("text", shipped(Categories.RESOURCE)).formParam("version", version)
                .post("/console/admin/reference/" + Categories.DOCUMENT);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(alert(stale)).contains("已被他人改为第 " + (version + 1) + " 版");
        assertThat(categories.find("lostpet")).isPresent();
    }
}
