package org.minhu.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.minhu.carrier.outbox.Outbox;
import org.minhu.common.ProblemException;
import org.minhu.messaging.WorkSignals;
import org.minhu.outbound.BotMessage;
import org.minhu.outbound.CardContent;
import org.minhu.outbound.Chip;
import org.minhu.outbound.PlatformLimitException;
import org.minhu.outbound.PlatformLimits;
import org.minhu.resident.Resident;
import org.minhu.resident.ResidentRepository;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What staff send to a resident: a text, or a card with a title and chips. It goes through the
 * outbox like the bot's messages (same ordering, retries and SMS fallback) and is marked as a
 * person's, so the conversation shows who wrote it.
 */
@ApplicationScoped
public class Replies {

    /** Postbacks of chips staff add: the resident's tap comes back as this prefix plus the chip's text. */
    public static final String POSTBACK = "staff:";

    private final ResidentRepository residents;
    private final Outbox outbox;
    private final WorkSignals signals;
    private final EntityManager em;
    private final Clock clock;

    public Replies(ResidentRepository residents, Outbox outbox, WorkSignals signals, EntityManager em, Clock clock) {
        this.residents = residents;
        this.outbox = outbox;
        this.signals = signals;
        this.em = em;
        this.clock = clock;
    }

    /** Builds the message from the reply form: a card when it has a title or chips, plain text otherwise. */
    public static BotMessage compose(String text, String title, String chipLines) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("text", "请填写回复内容");
        }
        List<String> labels = chipLines == null ? List.of()
                : Arrays.stream(chipLines.split("[\\r\\n|]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        try {
            List<Chip> chips = new ArrayList<>();
            for (String label : labels) {
                chips.add(Chip.reply(label, POSTBACK + label));
            }
            if ((title == null || title.isBlank()) && chips.isEmpty()) {
                return BotMessage.text(text.strip());
            }
            if (chips.size() > PlatformLimits.MAX_CARD_CHIPS) {
                throw ProblemException.badRequest("chips", "卡片最多 " + PlatformLimits.MAX_CARD_CHIPS + " 个按钮");
            }
            String cardTitle = title == null || title.isBlank() ? null : title.strip();
            return BotMessage.card(new CardContent(null, cardTitle, text.strip(), chips));
        } catch (PlatformLimitException e) {
            throw ProblemException.badRequest("text", "超出平台限制：" + e.getMessage());
        }
    }

    /** Queues the message for the resident and starts sending it once committed. */
    public void send(String phone, Long caseId, String staff, BotMessage message) {
        send(phone, caseId, staff, message, () -> { });
    }

    /** As {@link #send}, with {@code alsoRecord} (the case's history) in the same transaction. */
    public void send(String phone, Long caseId, String staff, BotMessage message, Runnable alsoRecord) {
        QuarkusTransaction.joiningExisting().run(() -> {
            write(phone, caseId, staff, message);
            alsoRecord.run();
        });
        signals.outboxHasWork();
    }

    private void write(String phone, Long caseId, String staff, BotMessage message) {
        if (phone == null) {
            throw ProblemException.conflict("这件诉求没有手机号，无法回复居民");
        }
        Resident resident = residents.findByPhone(phone)
                .orElseThrow(() -> ProblemException.conflict("该居民尚未通过 5G 消息联系过我们，无法回复"));
        Outbox.Queued row = outbox.enqueue(resident, message, null, null);
        em.persist(new StaffReply(row.id(), phone, caseId, staff, clock.instant()));
    }

    public List<CannedReply> canned() {
        return em.createQuery("select c from CannedReply c order by c.position, c.id", CannedReply.class).getResultList();
    }
}
