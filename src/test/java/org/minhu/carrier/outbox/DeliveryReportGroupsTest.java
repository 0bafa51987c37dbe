package org.minhu.carrier.outbox;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.common.GroupCommit.Outcome;
import org.minhu.common.ProblemException;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.Pushes;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** Delivery reports applied a group of pushes at a time: each push still stands or falls on its own. */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class DeliveryReportGroupsTest {

    @Inject
    DeliveryReports reports;

    @Inject
    DataSource db;

    @Test
    void aReplayInAGroupIsRefusedAloneAndReportsApplyInTheOrderTheyCame() throws Exception {
        List<String> ids = sentMessages(5);
        String nonce = UUID.randomUUID().toString();
        List<Outcome<Boolean>> outcomes = reports.applyAll(List.of(
                push(nonce, report(ids.get(0), "delivered")),
                push(nonce, report(ids.get(1), "displayed")),
                push(UUID.randomUUID().toString(), report(ids.get(1), "delivered"), report(ids.get(2), "displayed")),
                push(UUID.randomUUID().toString(), report(ids.get(3), "displayed"), report(ids.get(3), "delivered")),
                push(UUID.randomUUID().toString(), report(ids.get(4), "delivered"), report(ids.get(4), "displayed"))));

        assertThat(outcomes.get(0).error()).isNull();
        assertThat(outcomes.get(1).error()).as("the nonce was used by the first push of the group")
                .isInstanceOf(ProblemException.class).hasMessageContaining("nonce");
        assertThat(outcomes.subList(2, 5)).allMatch(o -> o.error() == null && !o.value());
        assertThat(statuses(ids)).containsExactly("DELIVERED", "DELIVERED", "DISPLAYED", "DISPLAYED", "DISPLAYED");
    }

    @Test
    void manyPushesAtOnceAreAllAnsweredAndAllApplied() throws Exception {
        List<String> ids = sentMessages(60);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (String id : ids) {
                answers.add(CompletableFuture.supplyAsync(() -> Pushes.signed()
                        .body("{\"deliveryInfoList\":[{\"messageId\":\"" + id + "\",\"status\":\"delivered\"},"
                                + "{\"messageId\":\"" + id + "\",\"status\":\"displayed\"}]}")
                        .post(Pushes.STATUS).statusCode(), pool));
            }
            assertThat(answers.stream().map(CompletableFuture::join)).containsOnly(204);
        } finally {
            pool.shutdown();
        }
        assertThat(statuses(ids)).hasSize(60).containsOnly("DISPLAYED");
        String metrics = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(reportItems(metrics)).as("report pushes counted by the group commit").isGreaterThanOrEqualTo(60);
    }

    private static double reportItems(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("minhu_group_items_total{") && l.contains("kind=\"report\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aReplayedReportPushIsRefusedAndChangesNothing() throws Exception {
        List<String> ids = sentMessages(2);
        String nonce = UUID.randomUUID().toString();
        long now = Instant.now().getEpochSecond();
        Pushes.signedAt(now, nonce).body("{\"deliveryInfoList\":[{\"messageId\":\"" + ids.get(0) + "\",\"status\":\"delivered\"}]}")
                .post(Pushes.STATUS).then().statusCode(204);
        Pushes.signedAt(now, nonce).body("{\"deliveryInfoList\":[{\"messageId\":\"" + ids.get(1) + "\",\"status\":\"delivered\"}]}")
                .post(Pushes.STATUS).then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("nonce"));
        Pushes.signed().body("{\"deliveryInfoList\":[{\"status\":\"delivered\"}]}")
                .post(Pushes.STATUS).then().statusCode(400).body("field", containsString("messageId"));
        assertThat(statuses(ids)).containsExactly("DELIVERED", "SENT");
    }

    private static DeliveryReports.Push push(String nonce, DeliveryReports.Report... reports) {
        return new DeliveryReports.Push(List.of(reports), nonce);
    }

    private static DeliveryReports.Report report(String messageId, String status) {
        return new DeliveryReports.Report(messageId, status, null, null, null);
    }

    /** Messages the platform has taken (SENT), as the sender leaves them; their ids in order. */
    private List<String> sentMessages(int count) throws Exception {
        List<String> ids = IntStream.range(0, count).mapToObj(i -> UUID.randomUUID().toString()).toList();
        try (Connection c = db.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     insert into outbound_message (message_id, phone, conversation_id, contribution_id, message_list, sms_content,
                         sent_as, status, attempts, next_attempt_at, created_at)
                     values (?, ?, ?, ?, '[]', '', 'RICH_ONLY', 'SENT', 1, ?, ?)""")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (String id : ids) {
                insert.setString(1, id);
                insert.setString(2, "tel:+8618885" + id.substring(0, 6).replaceAll("[^0-9]", "0"));
                insert.setString(3, UUID.randomUUID().toString());
                insert.setString(4, UUID.randomUUID().toString());
                insert.setTimestamp(5, now);
                insert.setTimestamp(6, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return ids;
    }

    private List<String> statuses(List<String> ids) throws Exception {
        List<String> statuses = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement("select status from outbound_message where message_id = ?")) {
            for (String id : ids) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        statuses.add(row.getString(1));
                    }
                }
            }
        }
        return statuses;
    }
}
