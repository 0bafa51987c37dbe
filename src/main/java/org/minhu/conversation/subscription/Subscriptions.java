package org.minhu.conversation.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.minhu.cases.DispatchRules;
import org.minhu.conversation.FlowRegistry;
import org.minhu.flow.Input;
import org.minhu.flow.Messages;
import org.minhu.outbound.BotMessage;
import org.minhu.resident.Resident;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What residents hear about besides their own cases: topics and areas they subscribe to from the
 * chat, and leaving every notice with one word (退订 / STOP / TD), honoured from any state of the
 * conversation. Notices about a resident's own case still reach them after they leave.
 */
@ApplicationScoped
@Transactional
public class Subscriptions {

    /** The flow that lists and changes a resident's subscriptions. */
    public static final String FLOW = "subscriptions";

    private static final Set<String> STOP = Set.of("退订", "退订全部", "取消订阅", "td", "stop", "unsubscribe");
    private static final Set<String> OPEN = Set.of("订阅", "订阅通知", "subscribe", "subscriptions");

    static final List<String> KEYS = List.of("subscribe.stopped", "subscribe.none", "subscribe.stop-all");

    private final SubscriptionRepository subscriptions;
    private final DispatchRules rules;
    private final FlowRegistry flows;
    private final Event<ResidentOptedOut> optedOut;

    public Subscriptions(SubscriptionRepository subscriptions, DispatchRules rules, FlowRegistry flows,
                         Event<ResidentOptedOut> optedOut) {
        this.subscriptions = subscriptions;
        this.rules = rules;
        this.flows = flows;
        this.optedOut = optedOut;
        Messages messages = flows.engine().flows().messages();
        for (String language : messages.languages()) {
            for (Topic topic : Topic.values()) {
                require(messages, language, topic.messageKey());
            }
            KEYS.forEach(key -> require(messages, language, key));
        }
    }

    private static void require(Messages messages, String language, String key) {
        if (!messages.has(language, key)) {
            throw new IllegalStateException("conversation-flows/messages/" + language + ".yaml lacks " + key);
        }
    }

    /** Whether the resident typed one of the words that leave every notice. */
    public static boolean stops(Input input) {
        return input instanceof Input.Text text && STOP.contains(word(text.text()));
    }

    /** 订阅 / subscribe typed anywhere opens the subscriptions flow, as its menu option does. */
    public static Input open(Input input) {
        if (input instanceof Input.Text text && OPEN.contains(word(text.text()))) {
            return new Input.Choice("flow:" + FLOW, text.text());
        }
        return input;
    }

    /** 退订 in a conversation: leaves every notice and says so, in the resident's language. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BotMessage stop(Resident resident, Instant now) {
        optOut(resident.getPhone(), now);
        return BotMessage.text(text(resident.getLanguage(), "subscribe.stopped"));
    }

    /**
     * Forgets every subscription and keeps every notice from the resident from now on, except
     * those about their own case; notices already queued for them and not yet sent are withdrawn.
     */
    public void optOut(String phone, Instant now) {
        subscriptions.delete("phone", phone);
        subscriptions.getEntityManager().createNativeQuery("""
                        insert into notice_opt_out (phone, opted_out_at) values (?1, ?2) on conflict do nothing""")
                .setParameter(1, phone)
                .setParameter(2, now)
                .executeUpdate();
        optedOut.fire(new ResidentOptedOut(phone, now));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean optedOut(String phone) {
        return subscriptions.getEntityManager()
                .createNativeQuery("select count(*) from notice_opt_out where phone = ?1")
                .setParameter(1, phone)
                .getSingleResult() instanceof Number n && n.longValue() > 0;
    }

    /** Subscribing again is asking for notices again: it ends an earlier 退订. */
    public boolean subscribe(String phone, Subscription.Kind kind, String code, Instant now) {
        requireKnown(kind, code);
        subscriptions.getEntityManager().createNativeQuery("delete from notice_opt_out where phone = ?1")
                .setParameter(1, phone)
                .executeUpdate();
        return subscriptions.add(phone, kind, code, now);
    }

    public boolean unsubscribe(String phone, Subscription.Kind kind, String code) {
        return subscriptions.remove(phone, kind, code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Subscription> of(String phone) {
        return subscriptions.of(phone);
    }

    /** The name a resident reads for a topic or area, in their language (areas have only their Chinese name). */
    public Optional<String> label(Subscription.Kind kind, String code, String language) {
        return switch (kind) {
            case TOPIC -> Topic.of(code).map(t -> flows.engine().flows().messages().render(language, t.messageKey(), Map.of()));
            case AREA -> rules.area(code).map(DispatchRules.Area::name);
        };
    }

    /** A text of the subscriptions flow's bundle, in the resident's language. */
    String text(String language, String key) {
        return flows.engine().flows().messages().render(language, key, Map.of());
    }

    public List<DispatchRules.Area> areas() {
        return rules.areas();
    }

    private void requireKnown(Subscription.Kind kind, String code) {
        if (label(kind, code, Messages.DEFAULT_LANGUAGE).isEmpty()) {
            throw new IllegalArgumentException("no " + kind.name().toLowerCase(Locale.ROOT) + " " + code);
        }
    }

    /** One word as typed: full-width letters and case do not matter, nor a full stop after it. */
    static String word(String typed) {
        if (typed == null) {
            return "";
        }
        String word = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return word.replaceAll("[。.!！]+$", "");
    }
}
