package org.minhu.proactive.notice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseService;
import org.minhu.cases.NewCase;
import org.minhu.testing.MockCarrierResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The staff API: who may use it, what it refuses (and why, by field), and a notice's life through it. */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class NoticeApiTest {

    private static final Map<String, Object> CARD = Map.of(
            "title", "坂田北路明晚施工",
            "text", "6月3日 22:00 至次日 6:00 坂田北路半幅封闭，请绕行。",
            "chips", List.of(
                    Map.of("label", "查看详情", "url", "https://www.example.gov.cn/notice/1"),
                    Map.of("label", "我也遇到了", "flow", "file-request")));

    @Inject
    CaseService cases;

    @Inject
    DataSource db;

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "minhu-demo").contentType(ContentType.JSON);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    @Test
    void onlySupervisorsAndAdminsSendNotices() {
        given().get("/api/notices").then().statusCode(401);
        as("operator").get("/api/notices").then().statusCode(403);
        as("handler").body(with(CARD, "audience", Map.of("kind", "list", "phones", List.of("13800138000"))))
                .post("/api/notices").then().statusCode(403);
        as("supervisor").get("/api/notices").then().statusCode(200);
        as("admin").get("/api/hotspots").then().statusCode(200);
    }

    @Test
    void aPreviewShowsTheCardAndTheSmsAResidentWouldGet() {
        Map<String, Object> preview = as("supervisor").body(CARD).post("/api/notices/preview")
                .then().statusCode(200).extract().jsonPath().getMap("");

        String card = preview.get("card").toString();
        assertThat(card).contains("generalPurposeCard", "坂田北路明晚施工", "查看详情", "https://www.example.gov.cn/notice/1",
                "flow:file-request", "回复“退订”不再接收此类通知");
        assertThat((String) preview.get("sms")).contains("坂田北路明晚施工", "请绕行", "查看详情：https://www.example.gov.cn/notice/1",
                "回复1 我也遇到了", "回复“退订”不再接收此类通知");

        Map<String, Object> english = as("supervisor").queryParam("language", "en").queryParam("ownCase", true).body(CARD)
                .post("/api/notices/preview").then().statusCode(200).extract().jsonPath().getMap("");
        assertThat((String) english.get("sms")).as("about their own case: no line on leaving").doesNotContain("退订", "STOP");
    }

    @Test
    void whatTheCarrierWouldRefuseIsRefusedHereNamingTheField() {
        as("supervisor").body(with(CARD, "chips", List.of(Map.of("label", "查看详情"))))
                .post("/api/notices/preview").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("chips[0]"));
        as("supervisor").body(with(CARD, "chips", List.of(Map.of("label", "一个超过二十五个字的按钮文字一个超过二十五个字的按钮文字", "flow", "menu"))))
                .post("/api/notices/preview").then().statusCode(400).body("field", equalTo("chips[0].label"));
        as("supervisor").body(with(CARD, "chips", List.of(Map.of("label", "去看看", "flow", "no-such-flow"))))
                .post("/api/notices/preview").then().statusCode(400).body("detail", containsString("no-such-flow"));
        as("supervisor").body(with(CARD, "image", Map.of("url", "https://x.example/a.jpg", "contentType", "image/jpeg", "size", 3_000_000)))
                .post("/api/notices/preview").then().statusCode(400).body("field", equalTo("image.size"));
        as("supervisor").body(with(CARD, "audience", Map.of("kind", "list", "phones", List.of("13800138000", "12345"))))
                .post("/api/notices").then().statusCode(400).body("field", equalTo("audience.phones[1]"));
        as("supervisor").body(with(CARD, "audience", Map.of("kind", "subscribers", "topic", "gossip")))
                .post("/api/notices").then().statusCode(400).body("field", equalTo("audience.topic"));
        as("supervisor").body(with(CARD, "audience", Map.of("kind", "everyone")))
                .post("/api/notices").then().statusCode(400).body("field", equalTo("audience.kind"));
    }

    @Test
    void aNoticeIsComposedForResidentsWithCasesInAnAreaAndSent() {
        Instant since = Instant.now().minusSeconds(5);
        for (String phone : List.of("tel:+8618882000001", "tel:+8618882000002")) {
            QuarkusTransaction.requiringNew().run(() -> cases.file(new NewCase(phone, "traffic", "路口红绿灯坏了",
                    22.5400, 114.0500, "福田中心区", null, "file-request", 1)));
        }
        Map<String, Object> created = as("supervisor")
                .body(with(CARD, "audience", Map.of("kind", "cases", "area", "futian-central", "category", "traffic",
                        "since", since.toString())))
                .post("/api/notices").then().statusCode(201).extract().jsonPath().getMap("");
        int id = (Integer) created.get("id");
        assertThat(created.get("state")).isEqualTo("DRAFT");
        assertThat(((Map<?, ?>) created.get("progress")).get("recipients")).isEqualTo(2);
        assertThat((String) created.get("audience")).contains("futian-central");

        as("supervisor").post("/api/notices/" + id + "/pause").then().statusCode(409).contentType("application/problem+json");
        as("supervisor").get("/api/notices/" + id + "/preview").then().statusCode(200).body("sms", containsString("回复1 我也遇到了"));
        as("supervisor").post("/api/notices/" + id + "/send").then().statusCode(200).body("state", equalTo("SENDING"));
        as("supervisor").post("/api/notices/" + id + "/send").then().statusCode(409);
        awaitDone(id);
        as("supervisor").get("/api/notices/" + id).then().statusCode(200)
                .body("state", equalTo("DONE"))
                .body("progress.queued", equalTo(2))
                .body("finishedAt", notNullValue());
        as("supervisor").post("/api/notices/" + id + "/cancel").then().statusCode(409);
        as("supervisor").get("/api/notices/999999").then().statusCode(404).contentType("application/problem+json");
    }

    /**
     * Messages due long after now (the clock was set back, or they were queued while it ran ahead) are not
     * waiting for the carrier now, so they must not count as the backlog a notice waits behind: if they did,
     * more of them than a notice may keep ahead would hold every notice back until their time came.
     */
    @Test
    void messagesDueLongAfterNowDoNotHoldANoticeBack() throws Exception {
        String marker = "tel:+8618884000";
        try (Connection c = db.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     insert into outbound_message (message_id, phone, conversation_id, contribution_id, message_list, sms_content,
                         status, attempts, next_attempt_at, created_at)
                     values (?, ?, ?, ?, '[]', '', 'PENDING', 0, ?, ?)""")) {
            Timestamp later = Timestamp.from(Instant.now().plus(Duration.ofDays(30)));
            for (int i = 0; i < 60; i++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, marker + String.format("%03d", i));
                insert.setString(3, UUID.randomUUID().toString());
                insert.setString(4, UUID.randomUUID().toString());
                insert.setTimestamp(5, later);
                insert.setTimestamp(6, later);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try {
            int id = as("supervisor").body(with(CARD, "audience", Map.of("kind", "list", "phones", List.of("18884001001"))))
                    .post("/api/notices").then().statusCode(201).extract().path("id");
            as("supervisor").post("/api/notices/" + id + "/send").then().statusCode(200);
            awaitDone(id);
            assertThat((Integer) as("supervisor").get("/api/notices/" + id).path("progress.queued")).isEqualTo(1);
        } finally {
            try (Connection c = db.getConnection();
                 PreparedStatement delete = c.prepareStatement("delete from outbound_message where phone like ?")) {
                delete.setString(1, marker + "%");
                delete.executeUpdate();
            }
        }
    }

    private static void awaitDone(int id) {
        await("notice " + id + " done").atMost(Duration.ofSeconds(30))
                .until(() -> as("supervisor").get("/api/notices/" + id).jsonPath().getString("state"), equalTo("DONE"));
    }

    /**
     * How many of the notice's recipients are queued once the dispatcher has run again: a marker notice
     * to one more resident, sent now, is done. The dispatcher queues recipients in the order they were
     * added, one batch after another, so the batch that queued the marker came after any batch that
     * began before this call, and would first have taken the notice's own waiting recipients, were it
     * still sending.
     */
    private static int queuedOnceTheDispatcherHasPassed(int id, String marker) {
        int markerId = as("supervisor").body(with(CARD, "audience", Map.of("kind", "list", "phones", List.of(marker))))
                .post("/api/notices").then().statusCode(201).extract().path("id");
        as("supervisor").post("/api/notices/" + markerId + "/send").then().statusCode(200);
        awaitDone(markerId);
        return as("supervisor").get("/api/notices/" + id).then().extract().path("progress.queued");
    }

    @Test
    void aRunningNoticeCanBePausedResumedAndCancelled() {
        List<String> phones = IntStream.range(0, 300).mapToObj(i -> String.format("1888300%04d", i)).toList();
        int id = as("supervisor").body(with(CARD, "audience", Map.of("kind", "list", "phones", phones)))
                .post("/api/notices").then().statusCode(201).extract().path("id");
        as("supervisor").post("/api/notices/" + id + "/send").then().statusCode(200);
        as("supervisor").post("/api/notices/" + id + "/pause").then().statusCode(200).body("state", equalTo("PAUSED"));
        int queued = queuedOnceTheDispatcherHasPassed(id, "18883100001");
        assertThat(queued).as("paused well before the end").isLessThan(300);
        assertThat(queuedOnceTheDispatcherHasPassed(id, "18883100002")).as("nothing queued while paused").isEqualTo(queued);

        as("supervisor").post("/api/notices/" + id + "/resume").then().statusCode(200).body("state", equalTo("SENDING"));
        as("supervisor").post("/api/notices/" + id + "/cancel").then().statusCode(200).body("state", equalTo("CANCELLED"));
        Map<String, Object> progress = as("supervisor").get("/api/notices/" + id).jsonPath().getMap("progress");
        assertThat((Integer) progress.get("pending")).isZero();
        assertThat((Integer) progress.get("queued") + (Integer) progress.get("skipped")).isEqualTo(300);
        assertThat((Integer) progress.get("skipped")).isPositive();
    }
}
