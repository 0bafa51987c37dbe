package org.minhu.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.minhu.carrier.outbound.BotMessage;
import org.minhu.carrier.outbox.Outbox;
import org.minhu.carrier.outbox.OutboxSender;
import org.minhu.cases.ServiceCase;
import org.minhu.common.ProblemException;
import org.minhu.conversation.Handoff;
import org.minhu.conversation.HandoffRepository;
import org.minhu.resident.Resident;
import org.minhu.resident.ResidentRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Conversations handed to a person (the {@code handoff} queue): who is waiting and for how long,
 * taking one, and handing the resident back to the bot with a word to say so.
 */
@ApplicationScoped
public class Chats {

    static final String BACK_TO_BOT = "人工服务已结束，感谢您的耐心。您可以继续使用智能助手，回复“菜单”查看全部服务。";

    /** A handoff and the resident's most recent case, if any. */
    public record Waiting(Handoff handoff, ServiceCase latestCase) {
    }

    private final HandoffRepository handoffs;
    private final ResidentRepository residents;
    private final Outbox outbox;
    private final OutboxSender sender;
    private final EntityManager em;
    private final Clock clock;

    public Chats(HandoffRepository handoffs, ResidentRepository residents, Outbox outbox, OutboxSender sender,
                 EntityManager em, Clock clock) {
        this.handoffs = handoffs;
        this.residents = residents;
        this.outbox = outbox;
        this.sender = sender;
        this.em = em;
        this.clock = clock;
    }

    /** Open handoffs, the longest waiting first. */
    public List<Waiting> open() {
        return handoffs.list("closedAt is null order by requestedAt, id").stream()
                .map(h -> new Waiting(h, latestCase(h.getPhone()))).toList();
    }

    public Handoff find(long id) {
        Handoff h = handoffs.findById(id);
        if (h == null) {
            throw ProblemException.notFound("no conversation " + id);
        }
        return h;
    }

    public ServiceCase latestCase(String phone) {
        return em.createQuery("select c from ServiceCase c where c.phone = :phone order by c.createdAt desc, c.id desc",
                        ServiceCase.class).setParameter("phone", phone).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    /** The first to take a conversation has it; someone else taking it later changes nothing. */
    @Transactional
    public boolean take(long id, String staff) {
        Handoff h = find(id);
        if (h.getClosedAt() != null) {
            throw ProblemException.conflict("这段会话已结束");
        }
        return em.createQuery("update Handoff h set h.takenBy = :staff where h.id = :id and h.takenBy is null")
                .setParameter("staff", staff).setParameter("id", id).executeUpdate() == 1;
    }

    /** Back to the bot: the resident hears so, and their next message goes to the flows again. */
    public void handBack(long id) {
        QuarkusTransaction.joiningExisting().run(() -> closeAndTell(id));
        sender.wake();
    }

    private void closeAndTell(long id) {
        Handoff h = find(id);
        if (h.getClosedAt() != null) {
            return;
        }
        Instant now = clock.instant();
        h.close(now);
        Resident resident = residents.lockByPhone(h.getPhone()).orElse(null);
        if (resident != null) {
            resident.handOver(false, now);
            outbox.enqueue(resident, BotMessage.text(BACK_TO_BOT), null, null);
        }
    }
}
