package org.minhu.proactive.notice;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.carrier.outbox.DeliveryReports;
import org.minhu.testing.MockCarrierResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a notice's figures say for each thing that can become of its messages: waiting, sent, delivered,
 * displayed, shown as SMS instead (the message itself, or a plain-text copy that reached the phone), failed.
 * The notice is never sent, so its messages are the ones written here; those still waiting are due a
 * month from now, so the sender leaves them alone.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class NoticeProgressTest {

    private static final String PREFIX = "tel:+8618885";

    @Inject
    Notices notices;

    @Inject
    DeliveryReports reports;

    @Inject
    DataSource db;

    @Test
    void eachFigureCountsWhatItSaysAndADeliveryReportShowsAtOnce() throws SQLException {
        // recipient -> its message's status, and its plain-text copy's status if one was queued
        Map<String, String[]> messages = new LinkedHashMap<>();
        messages.put("01", new String[]{"PENDING"});
        messages.put("02", new String[]{"SENDING"});
        messages.put("03", new String[]{"ACCEPTED"});
        messages.put("04", new String[]{"SENT"});
        messages.put("05", new String[]{"DELIVERED"});
        messages.put("06", new String[]{"DISPLAYED"});
        messages.put("07", new String[]{"DELIVERED_TO_NETWORK"});
        messages.put("08", new String[]{"FAILED", "DELIVERED_TO_NETWORK"});
        messages.put("09", new String[]{"FAILED"});
        messages.put("10", new String[]{"REJECTED", "SENT"});
        messages.put("11", new String[]{"REJECTED"});
        messages.put("12", new String[]{"FAILED", "FAILED"});
        messages.put("13", new String[]{"FAILED", "PENDING"});
        messages.put("14", new String[]{"REVOKED"});
        Map<String, Boolean> phones = new LinkedHashMap<>();
        for (String n : List.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14",
                "15", "16", "17")) {
            phones.put(PREFIX + "0" + n, false);
        }
        long id = notices.create(new NoticeCard("停电通知", "明日 9:00 至 12:00 停电。", null, List.of()),
                Map.of("kind", "list"), phones, null, null, null, null, "test").getId();
        try {
            figures(id, messages);
        } finally {
            try (Connection c = db.getConnection();
                 PreparedStatement delete = c.prepareStatement("delete from outbound_message where phone like ?")) {
                delete.setString(1, PREFIX + "%");
                delete.executeUpdate();
            }
        }
    }

    private void figures(long id, Map<String, String[]> messages) throws SQLException {
        String delivered;
        try (Connection c = db.getConnection()) {
            Timestamp later = Timestamp.from(Instant.now().plus(Duration.ofDays(30)));
            Map<String, String> messageIds = new LinkedHashMap<>();
            for (Map.Entry<String, String[]> m : messages.entrySet()) {
                String phone = PREFIX + "0" + m.getKey();
                long outbound = insert(c, phone, m.getValue()[0], null, later);
                if (m.getValue().length > 1) {
                    insert(c, phone, m.getValue()[1], outbound, later);
                }
                try (PreparedStatement queue = c.prepareStatement("""
                        update notice_recipient set state = 'QUEUED', outbound_id = ?,
                            message_id = (select message_id from outbound_message where id = ?)
                        where notice_id = ? and phone = ?""")) {
                    queue.setLong(1, outbound);
                    queue.setLong(2, outbound);
                    queue.setLong(3, id);
                    queue.setString(4, phone);
                    assertThat(queue.executeUpdate()).isOne();
                }
                try (PreparedStatement read = c.prepareStatement("select message_id from outbound_message where id = ?")) {
                    read.setLong(1, outbound);
                    try (ResultSet rs = read.executeQuery()) {
                        rs.next();
                        messageIds.put(m.getKey(), rs.getString(1));
                    }
                }
            }
            try (Statement skip = c.createStatement()) {
                skip.executeUpdate("update notice_recipient set state = 'SKIPPED', skip_reason = 'OPTED_OUT' where notice_id = "
                        + id + " and phone = '" + PREFIX + "016'");
                skip.executeUpdate("update notice_recipient set state = 'SKIPPED', skip_reason = 'CANCELLED' where notice_id = "
                        + id + " and phone = '" + PREFIX + "017'");
            }
            delivered = messageIds.get("05");
        }

        // 15 still pending; 01-02 waiting; 10-11 rejected, never sent; 07, 08 and 10 shown as SMS;
        // 09, 11, 12 and 13 failed with no copy shown (12's copy failed, 13's has not gone yet)
        assertThat(notices.progress(id)).isEqualTo(new Notices.Progress(17, 1, 14, 2, 1, 2, 10, 2, 1, 3, 4));

        reports.apply(List.of(new DeliveryReports.Report(delivered, "displayed", null, null, null)), UUID.randomUUID().toString());
        assertThat(notices.progress(id).displayed()).as("the staff see the report at once").isEqualTo(2);
        assertThat(notices.progress(id).delivered()).isEqualTo(2);
    }

    private static long insert(Connection c, String phone, String status, Long fallbackOf, Timestamp due) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into outbound_message (message_id, phone, conversation_id, contribution_id, message_list, sms_content,
                    status, attempts, next_attempt_at, lease_until, created_at, fallback_of)
                values (?, ?, ?, ?, '[]', '', ?, 0, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, phone);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setString(4, UUID.randomUUID().toString());
            insert.setString(5, status);
            insert.setTimestamp(6, due);
            insert.setTimestamp(7, due);
            insert.setTimestamp(8, Timestamp.from(Instant.now()));
            if (fallbackOf == null) {
                insert.setNull(9, java.sql.Types.BIGINT);
            } else {
                insert.setLong(9, fallbackOf);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
