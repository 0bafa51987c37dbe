package org.minhu.proactive.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.minhu.carrier.outbound.PlatformRenderer;
import org.minhu.common.Databases;
import org.minhu.common.ProblemException;
import org.minhu.conversation.FlowRegistry;
import org.minhu.conversation.subscription.Topic;
import org.minhu.flow.Messages;
import org.minhu.outbound.BotMessage;
import org.minhu.outbound.SmsRenderer;
import org.minhu.outbound.SmsRendering;
import org.minhu.proactive.ProactiveConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Notices (campaigns): staff compose a card and choose who gets it; the recipients are fixed then,
 * one row each. Sending, pausing and resuming only change the notice's state: {@link NoticeDispatcher}
 * does the rest, at a pace that leaves the carrier's quota to residents' own conversations.
 */
@ApplicationScoped
@Transactional
public class Notices {

    /** The line under a notice that tells a resident how to leave; not under notices about their own case. */
    public static final String FOOTER = "notice.footer";
    private static final int INSERT_CHUNK = 500;
    /** Costly progress figures are reused until they are this many times as old as they took to compute. */
    static final int REUSE_FOR = 10;
    private static final TypeReference<List<NoticeCard.NoticeChip>> CHIPS = new TypeReference<>() {
    };

    /** What staff post: the card, what it is about, and who it is for. */
    public record Draft(String title, String text, NoticeCard.Image image, List<NoticeCard.NoticeChip> chips,
                        String topic, Audience audience) {
        NoticeCard card() {
            return new NoticeCard(title, text, image, chips);
        }
    }

    /** Both renderings of the card, as one resident would get it. */
    public record Preview(ArrayNode card, String sms, List<SmsRendering.Option> smsOptions, String language,
                          boolean ownCase) {
    }

    /**
     * How far a notice has gone. Recipients: pending (not yet queued), queued (in the outbox), skipped
     * (left with 退订, or the notice was cancelled). Of those queued: waiting for the platform, sent
     * (accepted by it), delivered and displayed as 5G Messages, shown as SMS instead, failed.
     */
    public record Progress(long recipients, long pending, long queued, long skipped, long optedOut, long waiting,
                           long sent, long delivered, long displayed, long smsFallback, long failed) {
    }

    private final NoticeRepository notices;
    private final Audiences audiences;
    private final FlowRegistry flows;
    private final ObjectMapper json;
    private final Clock clock;
    private final CostlyFigures<Long, Progress> progress;

    public Notices(NoticeRepository notices, Audiences audiences, FlowRegistry flows, ObjectMapper json, Clock clock,
                   ProactiveConfig config) {
        this.notices = notices;
        this.audiences = audiences;
        this.flows = flows;
        this.json = json;
        this.clock = clock;
        this.progress = new CostlyFigures<>(config.notices().progressReusedAbove().toNanos(), REUSE_FOR, System::nanoTime);
        Messages messages = flows.engine().flows().messages();
        for (String language : messages.languages()) {
            if (!messages.has(language, FOOTER)) {
                throw new IllegalStateException("conversation-flows/messages/" + language + ".yaml lacks " + FOOTER);
            }
        }
    }

    /** Composes a notice (DRAFT) for the audience staff chose. */
    public Notice create(Draft draft, String actor) {
        if (draft == null) {
            throw ProblemException.badRequest("title", "a notice needs a title, a text and an audience");
        }
        if (draft.topic() != null && Topic.of(draft.topic()).isEmpty()) {
            throw ProblemException.badRequest("topic", "unknown topic " + draft.topic());
        }
        NoticeCard card = draft.card();
        Audiences.Resolved resolved = audiences.resolve(draft.audience());
        String topic = draft.topic() != null ? draft.topic() : resolved.topic();
        return create(card, describe(draft.audience()), resolved.phones(), topic, resolved.area(), resolved.aboutCase(), null, actor);
    }

    /**
     * Composes a notice for recipients the caller chose itself (a hot spot's residents), each marked
     * whether it is about their own case.
     */
    public Notice create(NoticeCard card, Map<String, Object> audience, Map<String, Boolean> phones, String topic,
                         String area, String aboutCase, Long hotspotId, String actor) {
        card.check(this::flowExists);
        Instant now = clock.instant();
        Notice notice = new Notice(card, write(card.chips()), write(audience), topic, area, aboutCase, hotspotId, actor, now);
        notices.persist(notice);
        insertRecipients(notice.getId(), phones);
        return notice;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Preview preview(NoticeCard card, String language, boolean ownCase) {
        card.check(this::flowExists);
        return render(card, language, ownCase);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Preview preview(long id, String language, boolean ownCase) {
        return render(card(find(id)), language, ownCase);
    }

    private Preview render(NoticeCard card, String language, boolean ownCase) {
        String lang = flows.engine().flows().messages().languages().contains(language) ? language : Messages.DEFAULT_LANGUAGE;
        BotMessage message = message(card, lang, ownCase);
        SmsRendering sms = SmsRenderer.render(message, lang);
        return new Preview(PlatformRenderer.render(message), sms.text(), sms.options(), lang, ownCase);
    }

    /** The card a recipient gets: with the line on how to leave, unless it is about their own case. */
    BotMessage message(NoticeCard card, String language, boolean ownCase) {
        return card.message(ownCase ? null : flows.engine().flows().messages().render(language, FOOTER, Map.of()));
    }

    public Notice send(long id) {
        Notice notice = find(id);
        notice.send(clock.instant());
        return notice;
    }

    public Notice pause(long id) {
        Notice notice = find(id);
        notice.pause(clock.instant());
        return notice;
    }

    public Notice resume(long id) {
        Notice notice = find(id);
        notice.resume();
        return notice;
    }

    /** Stops the notice for good: whoever has not been queued yet is skipped. */
    public Notice cancel(long id) {
        Notice notice = find(id);
        Instant now = clock.instant();
        notice.cancel(now);
        notices.getEntityManager().createNativeQuery("""
                        update notice_recipient set state = 'SKIPPED', skip_reason = 'CANCELLED', decided_at = ?1
                        where notice_id = ?2 and state = 'PENDING'""")
                .setParameter(1, now)
                .setParameter(2, id)
                .executeUpdate();
        progress.forget(id);
        return notice;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Notice find(long id) {
        return notices.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("no notice " + id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Notice> recent(int limit) {
        return notices.find("order by id desc").page(0, Math.max(1, Math.min(limit, 200))).list();
    }

    /**
     * A notice's figures. Those that took more than {@code minhu.proactive.notices.progress-reused-above}
     * to compute (about a second at 100,000 recipients on PostgreSQL) are reused until they are
     * {@value #REUSE_FOR} times as old, however many pages and clients poll them; see {@link CostlyFigures}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Progress progress(long id) {
        find(id);
        return progress.get(id, () -> figures(id));
    }

    private Progress figures(long id) {
        long pending = 0;
        long queued = 0;
        long skipped = 0;
        long optedOut = 0;
        long waiting = 0;
        long sent = 0;
        long delivered = 0;
        long displayed = 0;
        long smsFallback = 0;
        long failed = 0;
        // one pass over the notice's recipients, their messages by primary key, and each message's
        // plain-text copy that reached the phone (fallback_of is unique: at most one, so no row is
        // counted twice). It was a correlated "exists" per message and a second query over the
        // recipients: 1.35 s at 100,000 on PostgreSQL, and costed high enough to be JIT-compiled.
        for (Object[] row : rows("""
                select r.state, r.skip_reason, o.status, count(*), count(f.id)
                from notice_recipient r
                left join outbound_message o on o.id = r.outbound_id and r.state = 'QUEUED'
                left join outbound_message f on f.fallback_of = o.id
                                            and f.status not in ('PENDING', 'SENDING', 'REJECTED', 'FAILED')
                where r.notice_id = ?1
                group by r.state, r.skip_reason, o.status""", id)) {
            long n = ((Number) row[3]).longValue();
            switch (NoticeRecipient.State.valueOf((String) row[0])) {
                case PENDING -> pending += n;
                case QUEUED -> queued += n;
                case SKIPPED -> {
                    skipped += n;
                    if (NoticeRecipient.SkipReason.OPTED_OUT.name().equals(row[1])) {
                        optedOut += n;
                    }
                }
            }
            String status = (String) row[2];
            if (status == null) {
                continue;
            }
            long fellBack = ((Number) row[4]).longValue();
            switch (status) {
                case "PENDING", "SENDING" -> waiting += n;
                case "REJECTED" -> failed += n - fellBack;
                default -> {
                    sent += n;
                    switch (status) {
                        case "DELIVERED" -> delivered += n;
                        case "DISPLAYED" -> {
                            delivered += n;
                            displayed += n;
                        }
                        case "DELIVERED_TO_NETWORK" -> smsFallback += n;
                        case "FAILED" -> failed += n - fellBack;
                        default -> {
                        }
                    }
                }
            }
            smsFallback += fellBack;
        }
        return new Progress(pending + queued + skipped, pending, queued, skipped, optedOut, waiting, sent, delivered,
                displayed, smsFallback, failed);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, long id) {
        return notices.getEntityManager().createNativeQuery(sql).setParameter(1, id).getResultList();
    }

    NoticeCard card(Notice notice) {
        try {
            List<NoticeCard.NoticeChip> chips = json.readValue(notice.getChips(), CHIPS);
            NoticeCard.Image image = notice.getImageUrl() == null ? null
                    : new NoticeCard.Image(notice.getImageUrl(), notice.getImageType(), notice.getImageSize());
            return new NoticeCard(notice.getTitle(), notice.getBody(), image, chips);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notice " + notice.getId() + " holds chips it did not write", e);
        }
    }

    private boolean flowExists(String flow) {
        return flows.engine().flows().flow(flow) != null;
    }

    /** The audience as staff read it back later; a list is kept as its size, not its numbers. */
    private Map<String, Object> describe(Audience audience) {
        Map<String, Object> described = json.convertValue(audience, new TypeReference<LinkedHashMap<String, Object>>() {
        });
        described.values().removeIf(v -> v == null);
        if (audience.phones() != null) {
            described.remove("phones");
            described.put("count", audience.phones().size());
        }
        return described;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain data", e);
        }
    }

    private void insertRecipients(long noticeId, Map<String, Boolean> phones) {
        List<Map.Entry<String, Boolean>> all = new ArrayList<>(phones.entrySet());
        for (int from = 0; from < all.size(); from += INSERT_CHUNK) {
            List<Map.Entry<String, Boolean>> chunk = all.subList(from, Math.min(from + INSERT_CHUNK, all.size()));
            StringBuilder sql = new StringBuilder("insert into notice_recipient (notice_id, phone, own_case, state) values ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?1, ?").append(2 * i + 2).append(", ?").append(2 * i + 3).append(", 'PENDING')");
            }
            Query insert = notices.getEntityManager().createNativeQuery(sql.toString()).setParameter(1, noticeId);
            for (int i = 0; i < chunk.size(); i++) {
                insert.setParameter(2 * i + 2, chunk.get(i).getKey());
                insert.setParameter(2 * i + 3, chunk.get(i).getValue());
            }
            insert.executeUpdate();
        }
        if (Databases.postgres(notices.getEntityManager())) {
            // planner statistics for the rows just stored (autovacuum takes them only a minute or more
            // later): without them the dispatcher's "next pending recipients" was planned for a handful
            // and read every pending recipient of the notice for each batch of 100 (32 ms a batch at
            // 100,000, four fifths of the database's time; a 100,000-resident notice went at 231 sends/s)
            notices.getEntityManager().createNativeQuery("analyze notice_recipient").executeUpdate();
        }
    }
}
