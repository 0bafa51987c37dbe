package org.minhu.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.minhu.carrier.outbox.Outbox;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.CaseService;
import org.minhu.cases.NewCase;
import org.minhu.cases.ServiceCase;
import org.minhu.common.ProblemException;
import org.minhu.conversation.Handoff;
import org.minhu.conversation.HandoffRepository;
import org.minhu.messaging.WorkSignals;
import org.minhu.outbound.BotMessage;
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
    /** What the resident hears when a person takes their conversation ({0}: who). */
    static final String JOINED = "工作人员（%s）已接入，正在为您服务。";
    static final String PASSED = "已为您转接工作人员（%s），请稍候。";
    /** How many of the resident's latest messages a case filed from the chat describes itself with. */
    static final int DESCRIBE_WITH = 5;

    /** A handoff and the resident's most recent case, if any. */
    public record Waiting(Handoff handoff, ServiceCase latestCase) {
    }

    private final HandoffRepository handoffs;
    private final ResidentRepository residents;
    private final Outbox outbox;
    private final WorkSignals signals;
    private final EntityManager em;
    private final Clock clock;
    private final People people;
    private final CaseService caseService;
    private final CaseLifecycle lifecycle;

    public Chats(HandoffRepository handoffs, ResidentRepository residents, Outbox outbox, WorkSignals signals,
                 EntityManager em, Clock clock, People people, CaseService caseService, CaseLifecycle lifecycle) {
        this.handoffs = handoffs;
        this.residents = residents;
        this.outbox = outbox;
        this.signals = signals;
        this.em = em;
        this.clock = clock;
        this.people = people;
        this.caseService = caseService;
        this.lifecycle = lifecycle;
    }

    /** Residents waiting for a person nobody has taken yet: the count in the navigation. */
    public long waiting() {
        return em.createQuery("select count(h) from Handoff h where h.closedAt is null and h.takenBy is null", Long.class)
                .getSingleResult();
    }

    /**
     * Passes a conversation on to a colleague who answers live chats; the resident hears who has it
     * now. Only whoever has it (or nobody yet) can pass it.
     */
    public void pass(long id, String from, String to) {
        QuarkusTransaction.joiningExisting().run(() -> {
            Handoff h = find(id);
            if (h.getClosedAt() != null) {
                throw ProblemException.conflict("这段会话已结束");
            }
            if (to == null || people.chatting().stream().noneMatch(u -> u.getUsername().equals(to))) {
                throw ProblemException.badRequest("to", "请选择一位接待人工会话的同事");
            }
            if (to.equals(h.getTakenBy())) {
                return;
            }
            int moved = em.createQuery("update Handoff h set h.takenBy = :to where h.id = :id"
                            + " and (h.takenBy is null or h.takenBy = :from)")
                    .setParameter("to", to).setParameter("from", from).setParameter("id", id).executeUpdate();
            if (moved != 1) {
                throw ProblemException.conflict("这段会话已由其他同事接待，不能由您转接");
            }
            tell(h.getPhone(), PASSED.formatted(people.name(to)));
        });
        signals.outboxHasWork();
    }

    /**
     * 转为诉求: files a case for the resident of the conversation (as if they had filed it
     * themselves: dispatched at once, they get its progress card) and notes in its history who
     * filed it from the chat.
     */
    public ServiceCase fileCase(long id, String staff, String category, String description, String address) {
        ServiceCase filed = QuarkusTransaction.joiningExisting().call(() -> {
            Handoff h = find(id);
            ServiceCase c = caseService.file(new NewCase(h.getPhone(), category, description, null, null,
                    address == null || address.isBlank() ? null : address.strip(), null, NewCase.FROM_LIVE_CHAT, null,
                    NewCase.CHANNEL_5G));
            lifecycle.note(c.getNumber(), staff, "由人工会话转为诉求");
            return c;
        });
        signals.outboxHasWork();
        return filed;
    }

    /** The resident's latest words, oldest first: what a case filed from the chat starts from. */
    public String latestWords(String phone) {
        List<String> said = em.createQuery("select m.text from InboundMessage m where m.phone = :phone"
                        + " and m.text is not null order by m.id desc", String.class)
                .setParameter("phone", phone).setMaxResults(DESCRIBE_WITH * 3).getResultList().stream()
                .map(String::strip).filter(t -> !t.isEmpty() && !COMMANDS.contains(t)).limit(DESCRIBE_WITH).toList();
        List<String> inOrder = new java.util.ArrayList<>(said);
        java.util.Collections.reverse(inOrder);
        return String.join("\n", inOrder);
    }

    /** What residents type to move around the bot: no part of a description. */
    static final java.util.Set<String> COMMANDS = java.util.Set.of("人工", "转人工", "菜单", "menu", "0", "取消", "返回",
            "你好", "您好", "在吗", "hi", "hello");

    private void tell(String phone, String text) {
        Resident resident = residents.lockByPhone(phone).orElse(null);
        if (resident != null) {
            outbox.enqueue(resident, BotMessage.text(text), null, null);
        }
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

    /**
     * The first to take a conversation has it, and the resident hears that a person has joined;
     * someone else taking it later changes nothing.
     */
    public boolean take(long id, String staff) {
        boolean taken = QuarkusTransaction.joiningExisting().call(() -> {
            Handoff h = find(id);
            if (h.getClosedAt() != null) {
                throw ProblemException.conflict("这段会话已结束");
            }
            boolean first = em.createQuery("update Handoff h set h.takenBy = :staff where h.id = :id and h.takenBy is null")
                    .setParameter("staff", staff).setParameter("id", id).executeUpdate() == 1;
            if (first) {
                tell(h.getPhone(), JOINED.formatted(people.name(staff)));
            }
            return first;
        });
        if (taken) {
            signals.outboxHasWork();
        }
        return taken;
    }

    /** Back to the bot: the resident hears so, and their next message goes to the flows again. */
    public void handBack(long id) {
        QuarkusTransaction.joiningExisting().run(() -> closeAndTell(id));
        signals.outboxHasWork();
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
            outbox.enqueue(resident, BotMessage.text(h.getTakenBy() == null ? BACK_TO_BOT
                    : "工作人员（" + people.name(h.getTakenBy()) + "）已离开会话。" + BACK_TO_BOT), null, null);
        }
    }
}
