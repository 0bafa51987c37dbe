package org.minhu.proactive.hotspot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.CaseService;
import org.minhu.cases.CasesConfig;
import org.minhu.cases.Categories;
import org.minhu.cases.Category;
import org.minhu.cases.DispatchRules;
import org.minhu.cases.NewCase;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.ServiceCaseRepository;
import org.minhu.common.ProblemException;
import org.minhu.conversation.FlowRegistry;
import org.minhu.conversation.subscription.Subscription;
import org.minhu.conversation.subscription.SubscriptionRepository;
import org.minhu.flow.Messages;
import org.minhu.proactive.notice.Notice;
import org.minhu.proactive.notice.NoticeCard;
import org.minhu.proactive.notice.Notices;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What supervisors do with a hot spot: make its cases one parent case (the others are linked to it,
 * so their residents follow it), tell the residents around it that the problem is known and being
 * handled, or close it.
 */
@ApplicationScoped
@Transactional
public class Hotspots {

    /** The channel of parent cases made from hot spots; such cases are never clustered themselves. */
    public static final String CHANNEL = "hotspot";

    static final List<String> KEYS = List.of("hotspot.notice.title", "hotspot.notice.text", "hotspot.notice.report",
            "hotspot.notice.progress");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    /** What staff may change in the "已知悉，正在处理" notice before it goes; {@code send} sends it at once. */
    public record NoticeRequest(String title, String text, List<NoticeCard.NoticeChip> chips, boolean send) {
    }

    private final HotspotAlertRepository alerts;
    private final ServiceCaseRepository cases;
    private final CaseService caseService;
    private final CaseLifecycle lifecycle;
    private final Categories categories;
    private final DispatchRules rules;
    private final SubscriptionRepository subscriptions;
    private final Notices notices;
    private final FlowRegistry flows;
    private final ZoneId zone;
    private final Clock clock;

    public Hotspots(HotspotAlertRepository alerts, ServiceCaseRepository cases, CaseService caseService,
                    CaseLifecycle lifecycle, Categories categories, DispatchRules rules,
                    SubscriptionRepository subscriptions, Notices notices, FlowRegistry flows,
                    CasesConfig casesConfig, Clock clock) {
        this.alerts = alerts;
        this.cases = cases;
        this.caseService = caseService;
        this.lifecycle = lifecycle;
        this.categories = categories;
        this.rules = rules;
        this.subscriptions = subscriptions;
        this.notices = notices;
        this.flows = flows;
        this.zone = casesConfig.zone();
        this.clock = clock;
        Messages messages = flows.engine().flows().messages();
        for (String key : KEYS) {
            if (!messages.has(Messages.DEFAULT_LANGUAGE, key)) {
                throw new IllegalStateException("conversation-flows/messages/zh-CN.yaml lacks " + key);
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HotspotAlert> latest(HotspotAlert.State state, int limit) {
        return alerts.latest(state, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HotspotAlert find(long id) {
        return alerts.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("no hot spot " + id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> caseNumbers(long id) {
        return alerts.caseNumbers(find(id).getId());
    }

    /**
     * Files one parent case for the cluster (channel {@code hotspot}, dispatched like any other) and
     * links every case of it that is not linked yet; cases that join later are linked as they come.
     * Merging twice returns the first parent.
     */
    public HotspotAlert merge(long id, String actor) {
        HotspotAlert alert = locked(id);
        if (alert.getParentCase() != null) {
            return alert;
        }
        List<String> numbers = alerts.caseNumbers(alert.getId());
        ServiceCase parent = caseService.file(new NewCase(null, alert.getCategory(), describe(alert, numbers.size()),
                alert.getLatitude(), alert.getLongitude(), place(alert), null, null, null, CHANNEL));
        for (String number : numbers) {
            ServiceCase c = cases.findByNumber(number).orElseThrow();
            if (c.getLinkedTo() == null) {
                lifecycle.link(number, parent.getNumber(), actor);
            }
        }
        alert.merged(parent.getNumber(), actor, clock.instant());
        return alert;
    }

    /**
     * Composes the "已知悉，正在处理" notice for the residents whose cases are in the cluster (about
     * their own case, so 退订 does not stop it) and those subscribed to the area it lies in.
     */
    public Notice notifyResidents(long id, NoticeRequest request, String actor) {
        HotspotAlert alert = locked(id);
        NoticeRequest asked = request == null ? new NoticeRequest(null, null, null, false) : request;
        Map<String, Boolean> phones = new LinkedHashMap<>();
        if (alert.getArea() != null) {
            subscriptions.phonesFor(Subscription.Kind.AREA, alert.getArea()).forEach(p -> phones.put(p, false));
        }
        for (String number : alerts.caseNumbers(alert.getId())) {
            ServiceCase c = cases.findByNumber(number).orElseThrow();
            if (c.getPhone() != null) {
                phones.put(c.getPhone(), true);
            }
            caseService.followers(c).forEach(p -> phones.put(p, true));
        }
        NoticeRequest defaults = defaultNotice(alert);
        String title = asked.title() != null ? asked.title() : defaults.title();
        String text = asked.text() != null ? asked.text() : defaults.text();
        List<NoticeCard.NoticeChip> chips = asked.chips() != null ? asked.chips() : defaults.chips();
        Map<String, Object> audience = new LinkedHashMap<>();
        audience.put("kind", "hotspot");
        audience.put("hotspot", alert.getId());
        if (alert.getArea() != null) {
            audience.put("area", alert.getArea());
        }
        Notice notice = notices.create(new NoticeCard(title, text, null, chips), audience, phones, null, alert.getArea(),
                alert.getParentCase(), alert.getId(), actor);
        alert.noticed(notice.getId(), actor, clock.instant());
        return asked.send() ? notices.send(notice.getId()) : notice;
    }

    /** The "已知悉，正在处理" notice as {@link #notifyResidents} composes it when staff change nothing, for a form to start from. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NoticeRequest defaultNotice(long id) {
        return defaultNotice(find(id));
    }

    /** Where the hot spot is, as its notice and parent case name it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String place(long id) {
        return place(find(id));
    }

    private NoticeRequest defaultNotice(HotspotAlert alert) {
        Map<String, Object> vars = vars(alert);
        Messages messages = flows.engine().flows().messages();
        return new NoticeRequest(
                messages.render(Messages.DEFAULT_LANGUAGE, "hotspot.notice.title", vars),
                messages.render(Messages.DEFAULT_LANGUAGE, "hotspot.notice.text", vars),
                List.of(new NoticeCard.NoticeChip(messages.render(Messages.DEFAULT_LANGUAGE, "hotspot.notice.progress", vars), "my-requests", null, null),
                        new NoticeCard.NoticeChip(messages.render(Messages.DEFAULT_LANGUAGE, "hotspot.notice.report", vars), "file-request", null, null)),
                false);
    }

    public HotspotAlert close(long id, String actor) {
        HotspotAlert alert = locked(id);
        alert.close(actor, clock.instant());
        return alert;
    }

    private HotspotAlert locked(long id) {
        return alerts.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("no hot spot " + id));
    }

    private Map<String, Object> vars(HotspotAlert alert) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("category", categories.find(alert.getCategory()).map(Category::name)
                .map(n -> n.in(Messages.DEFAULT_LANGUAGE)).orElse(alert.getCategory()));
        vars.put("place", place(alert));
        vars.put("count", alert.getCaseCount());
        vars.put("unit", categories.find(alert.getCategory()).map(Category::unit).orElse(""));
        return vars;
    }

    /** Where it is, as residents say it: the area's name, or else the address given with its first case. */
    private String place(HotspotAlert alert) {
        return rules.areas().stream().filter(a -> a.code().equals(alert.getArea())).findFirst()
                .map(DispatchRules.Area::name)
                .or(() -> alerts.caseNumbers(alert.getId()).stream()
                        .map(number -> cases.findByNumber(number).map(ServiceCase::getAddress).orElse(null))
                        .filter(address -> address != null && !address.isBlank())
                        .findFirst())
                .orElse(String.format(Locale.ROOT, "%.5f, %.5f", alert.getLatitude(), alert.getLongitude()));
    }

    private String describe(HotspotAlert alert, int count) {
        return "热点：" + place(alert) + "附近 " + count + " 件" + vars(alert).get("category") + "诉求（"
                + TIME.format(alert.getFirstCaseAt().atZone(zone)) + " 至 " + TIME.format(alert.getLastCaseAt().atZone(zone))
                + "），已合并办理。";
    }
}
