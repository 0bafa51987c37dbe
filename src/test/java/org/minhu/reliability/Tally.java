package org.minhu.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The outcome of a run, read from the database and from the residents' phones, and printed as
 * one line: sent, answered, replied, duplicates, lost.
 *
 * <ul>
 *   <li>sent: resident messages pushed (each may have been delivered several times);</li>
 *   <li>answered: those that got 204 from us at least once;</li>
 *   <li>replied: answered messages handled once, with every reply shown on the phone once;</li>
 *   <li>duplicates: a message stored twice, a turn answered twice, a reply shown twice, a case filed twice;</li>
 *   <li>lost: an answered message not handled, or a reply (of any stored message) not shown;</li>
 *   <li>disordered: phones whose replies arrived in another order than they were written, or were
 *       written in another order than the residents' messages.</li>
 * </ul>
 */
final class Tally {

    private record Inbound(long id, String messageId, String phone, boolean processed) {
    }

    private record Outbound(long id, String messageId, String phone, String status, Long cause, Long fallbackOf) {
    }

    final String scenario;
    long sent;
    long deliveries;
    long answered;
    long unanswered;
    long replied;
    long duplicates;
    long lost;
    long disordered;
    final List<String> problems = new ArrayList<>();

    private Tally(String scenario) {
        this.scenario = scenario;
    }

    /**
     * Waits (bounded) until nothing is pending in the shared database, then tallies.
     *
     * @param repliesPerMessage how many replies the bot writes to each of these messages; null when it
     *                          varies (a journey), and then at least one is expected
     * @param casesPerPhone     cases each phone should have filed, or null not to count cases
     */
    static Tally of(String scenario, Ledger ledger, Database db, Platform platform, Integer repliesPerMessage,
                    Map<String, Integer> casesPerPhone, Duration settle) {
        awaitQuiet(db, settle);
        Tally t = new Tally(scenario);
        List<Inbound> inbound = db.query("select id, message_id, phone, processed_at is not null from inbound_message",
                rs -> new Inbound(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
        List<Outbound> outbound = db.query(
                "select id, message_id, phone, status, cause_inbound_id, fallback_of from outbound_message order by id",
                rs -> new Outbound(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5), (Long) rs.getObject(6)));
        Map<String, List<Inbound>> inboundById = inbound.stream().collect(Collectors.groupingBy(Inbound::messageId));
        Map<Long, List<Outbound>> repliesTo = outbound.stream().filter(o -> o.cause() != null && o.fallbackOf() == null)
                .collect(Collectors.groupingBy(Outbound::cause));
        Map<Long, Outbound> fallbackOf = outbound.stream().filter(o -> o.fallbackOf() != null)
                .collect(Collectors.toMap(Outbound::fallbackOf, Function.identity()));

        Map<String, List<String>> shownByPhone = new HashMap<>();
        Map<String, Integer> timesShown = new HashMap<>();
        for (String phone : ledger.phones()) {
            List<String> shown = platform.botMessages(phone).stream().map(Platform.Shown::messageId).toList();
            shownByPhone.put(phone, shown);
            shown.forEach(id -> timesShown.merge(id, 1, Integer::sum));
        }

        for (Ledger.Message message : ledger.messages()) {
            t.sent++;
            t.deliveries += message.statuses().size();
            if (message.answered()) {
                t.answered++;
            } else {
                t.unanswered++;
            }
            List<Inbound> stored = inboundById.getOrDefault(message.messageId(), List.of());
            if (stored.size() > 1) {
                t.duplicate(stored.size() - 1, "message " + message.messageId() + " stored " + stored.size() + " times");
            }
            if (stored.isEmpty()) {
                if (message.answered()) {
                    t.lose("message " + message.messageId() + " got 204 but is not stored");
                }
                continue;
            }
            Inbound row = stored.get(0);
            if (!row.processed()) {
                t.lose("message " + message.messageId() + " of " + row.phone() + " was never handled");
                continue;
            }
            List<Outbound> replies = repliesTo.getOrDefault(row.id(), List.of());
            int least = repliesPerMessage == null ? 1 : repliesPerMessage;
            if (repliesPerMessage != null && replies.size() > repliesPerMessage) {
                t.duplicate(replies.size() - repliesPerMessage, "message " + message.messageId() + " answered with "
                        + replies.size() + " replies, not " + repliesPerMessage);
            }
            boolean allShown = replies.size() >= least;
            if (!allShown) {
                t.lose("message " + message.messageId() + " answered with " + replies.size() + " replies, not " + least);
            }
            for (Outbound reply : replies) {
                Outbound visible = "FAILED".equals(reply.status()) && fallbackOf.containsKey(reply.id())
                        ? fallbackOf.get(reply.id()) : reply;
                if (timesShown.getOrDefault(visible.messageId(), 0) == 0) {
                    allShown = false;
                    t.lose("reply " + visible.messageId() + " (" + visible.status() + ") to " + row.phone() + " never shown");
                }
            }
            if (allShown && message.answered()) {
                t.replied++;
            }
        }

        timesShown.forEach((id, n) -> {
            if (n > 1) {
                t.duplicate(n - 1, "reply " + id + " shown " + n + " times");
            }
        });

        Map<String, List<Outbound>> writtenByPhone = outbound.stream().collect(Collectors.groupingBy(Outbound::phone));
        for (String phone : ledger.phones()) {
            List<Outbound> written = writtenByPhone.getOrDefault(phone, List.of());
            List<String> expected = written.stream()
                    .filter(o -> !"FAILED".equals(o.status()) || !fallbackOf.containsKey(o.id()))
                    .map(Outbound::messageId).toList();
            List<String> shown = shownByPhone.get(phone).stream().distinct().toList();
            long causesOutOfOrder = 0;
            for (int i = 1; i < written.size(); i++) {
                Long before = written.get(i - 1).cause();
                Long after = written.get(i).cause();
                if (before != null && after != null && after < before) {
                    causesOutOfOrder++;
                }
            }
            if (!shown.equals(expected) || causesOutOfOrder > 0) {
                t.disordered++;
                t.problems.add(phone + ": shown " + shown + " but written " + expected
                        + (causesOutOfOrder > 0 ? ", replies written out of message order" : ""));
            }
        }

        if (casesPerPhone != null) {
            Map<String, Long> cases = db.query("select phone, count(*) from service_case group by phone",
                    rs -> Map.entry(rs.getString(1), rs.getLong(2))).stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            casesPerPhone.forEach((phone, expectedCases) -> {
                long filed = cases.getOrDefault(phone, 0L);
                if (filed > expectedCases) {
                    t.duplicate(filed - expectedCases, phone + " filed " + filed + " cases, not " + expectedCases);
                } else if (filed < expectedCases) {
                    t.lose(phone + " filed " + filed + " cases, not " + expectedCases);
                }
            });
        }
        return t;
    }

    /** Until no message waits for its turn and no reply waits to be sent (at most {@code settle}). */
    static void awaitQuiet(Database db, Duration settle) {
        long until = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < until) {
            try {
                long waiting = db.count("select count(*) from inbound_message where processed_at is null")
                        + db.count("select count(*) from outbound_message where status in ('PENDING', 'SENDING')");
                if (waiting == 0) {
                    return;
                }
            } catch (IllegalStateException e) {
                // the database may be restarting in the scenario; ask again
            }
            Http.sleep(250);
        }
    }

    /** What the issue asks of every scenario: each answered message handled and replied to once, in order. */
    Tally assertEveryAnsweredMessageRepliedOnceInOrder() {
        org.assertj.core.api.Assertions.assertThat(answered).as("%s: some messages were answered", scenario).isPositive();
        org.assertj.core.api.Assertions.assertThat(lost).as("%s: lost, %s", scenario, problems).isZero();
        org.assertj.core.api.Assertions.assertThat(duplicates).as("%s: duplicates, %s", scenario, problems).isZero();
        org.assertj.core.api.Assertions.assertThat(disordered).as("%s: out of order, %s", scenario, problems).isZero();
        org.assertj.core.api.Assertions.assertThat(replied).as("%s: replied", scenario).isEqualTo(answered);
        return this;
    }

    private void duplicate(long n, String why) {
        duplicates += n;
        problems.add("duplicate: " + why);
    }

    private void lose(String why) {
        lost++;
        problems.add("lost: " + why);
    }

    /** Prints the counts (and up to 20 problems) for the CI log, and returns this. */
    Tally print(String extra) {
        System.out.printf("RELIABILITY %-22s sent=%d answered=%d replied=%d duplicates=%d lost=%d"
                        + " | deliveries=%d unanswered=%d disordered=%d%s%n",
                scenario, sent, answered, replied, duplicates, lost, deliveries, unanswered, disordered,
                extra == null || extra.isEmpty() ? "" : " " + extra);
        problems.stream().limit(20).forEach(p -> System.out.println("RELIABILITY   " + p));
        return this;
    }
}
