package org.minhu.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.minhu.proactive.notice.NoticeQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * On PostgreSQL, with the statistics a notice's table has just after the notice was composed (every
 * recipient still waiting), a notice half sent still finds its next recipients without stepping over the
 * ones already queued: before db/postgresql/V102 each batch read them all again, and a 100,000-resident
 * notice slowed to 700 sends a second in its second minute.
 */
class NoticeRecipientsPlanIT {

    private static final int RECIPIENTS = 20_000;

    @Test
    void halfWayThroughANoticeTheNextBatchDoesNotStepOverTheRecipientsAlreadyQueued() throws Exception {
        try (Database db = new Database("minhu_notice_plan")) {
            Flyway.configure().dataSource(db.url(), "postgres", "")
                    .locations("classpath:db/migration", "classpath:db/postgresql").load().migrate();
            db.execute("""
                    insert into notice (title, body, chips, audience, state, created_by, created_at)
                    values ('停水通知', '明日停水', '[]', '{"kind":"list"}', 'SENDING', 'admin', now())""");
            db.execute("""
                    insert into notice_recipient (notice_id, phone, own_case, state)
                    select (select id from notice), 'tel:+86166' || lpad(g::text, 8, '0'), false, 'PENDING'
                    from generate_series(1, %d) g""".formatted(RECIPIENTS));
            db.execute("analyze notice_recipient");
            db.execute("update notice_recipient set state = 'QUEUED' where id <= (select min(id) from notice_recipient) + %d"
                    .formatted(RECIPIENTS / 2 - 1));

            List<String> plan = db.query("explain (analyze, format json) " + NoticeQueue.NEXT_RECIPIENTS.replace("?", "100"),
                    rs -> rs.getString(1));
            JsonNode root = new ObjectMapper().readTree(plan.get(0)).get(0).get("Plan");

            assertThat(root.path("Actual Rows").asLong()).as("a full batch of waiting recipients").isEqualTo(100);
            assertThat(removedByFilter(root)).as("queued recipients stepped over to find the batch, in %s", plan.get(0))
                    .isLessThan(100);
        }
    }

    private static long removedByFilter(JsonNode node) {
        long removed = node.path("Rows Removed by Filter").asLong(0);
        for (JsonNode child : node.path("Plans")) {
            removed += removedByFilter(child);
        }
        return removed;
    }
}
