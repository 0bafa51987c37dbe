package org.minhu.conversation;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.minhu.carrier.outbox.Outbox;
import org.minhu.cases.CaseChanged;
import org.minhu.cases.CaseEvent;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.CaseProgress;
import org.minhu.cases.CaseService;
import org.minhu.cases.Categories;
import org.minhu.cases.DispatchRules;
import org.minhu.cases.NewCase;
import org.minhu.cases.Rating;
import org.minhu.cases.ServiceCase;
import org.minhu.common.ServiceConfig;
import org.minhu.flow.Messages;
import org.minhu.messaging.WorkSignals;
import org.minhu.outbound.BotMessage;
import org.minhu.outbound.CardContent;
import org.minhu.outbound.Chip;
import org.minhu.outbound.Media;
import org.minhu.resident.Resident;
import org.minhu.resident.ResidentRepository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells residents what happens to their cases: a card (with its SMS rendering) with the progress
 * line, the unit in charge and the expected date; on resolution what was done, the photo if staff
 * attached one, and the rating chips. Residents who follow a case hear the same. The texts are in
 * the flows' message bundles under {@code notify.*}.
 */
@ApplicationScoped
public class ResidentUpdates {

    /** What residents hear of; everything else is for staff only. */
    private static final Set<CaseEvent.Kind> TOLD = Set.of(CaseEvent.Kind.FILED, CaseEvent.Kind.DISPATCHED,
            CaseEvent.Kind.TRANSFERRED, CaseEvent.Kind.ACCEPTED, CaseEvent.Kind.RESOLVED, CaseEvent.Kind.REOPENED,
            CaseEvent.Kind.EXTENSION_APPROVED, CaseEvent.Kind.RESUMED, CaseEvent.Kind.REMINDED, CaseEvent.Kind.DECLINED);

    public static final List<String> KEYS = List.of("notify.title", "notify.unit", "notify.due", "notify.progress",
            "notify.filed", "notify.dispatched", "notify.transferred", "notify.accepted", "notify.resolved",
            "notify.reopened", "notify.extended", "notify.resumed", "notify.rating-reminder", "notify.rate-prompt",
            "notify.filed-for", "notify.declined", "mine.add.chip", "mine.nudge.chip");

    /**
     * The steps of my-requests the 补充材料 / 催一下 chips lead to: the chips start the flow with the
     * case's number as {@code adding} / {@code nudging}, as the flow's own card does
     * ({@link FlowRegistry#REQUIRED} keeps the steps there).
     */
    public static final String ADD_STEP = "add";
    public static final String NUDGE_STEP = "nudge";

    private final ResidentRepository residents;
    private final Outbox outbox;
    private final WorkSignals signals;
    private final CaseService cases;
    private final Categories categories;
    private final DispatchRules rules;
    private final FlowRegistry flows;
    private final Formats formats;
    private final Clock clock;
    private final String publicUrl;
    private final Path resolutions;

    public ResidentUpdates(ResidentRepository residents, Outbox outbox, WorkSignals signals, CaseService cases,
                           Categories categories, DispatchRules rules, FlowRegistry flows, Formats formats, Clock clock,
                           ServiceConfig service) {
        String publicUrl = service.publicUrl();
        String dataDir = service.dataDir();
        this.residents = residents;
        this.outbox = outbox;
        this.signals = signals;
        this.cases = cases;
        this.categories = categories;
        this.rules = rules;
        this.flows = flows;
        this.formats = formats;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.resolutions = Path.of(dataDir, "media");
        Messages messages = flows.engine().flows().messages();
        for (String language : messages.languages()) {
            for (String key : KEYS) {
                if (!messages.has(language, key)) {
                    throw new IllegalStateException("conversation-flows/messages/" + language + ".yaml lacks " + key);
                }
            }
        }
    }

    void onChange(@Observes CaseChanged change) {
        if (!shouldTell(change)) {
            return;
        }
        ServiceCase c = change.serviceCase();
        Set<String> phones = new LinkedHashSet<>();
        if (c.getPhone() != null) {
            phones.add(c.getPhone());
        }
        phones.addAll(cases.followers(c));
        for (String phone : phones) {
            residents.ensureExists(phone, null, clock.instant());
            // during the resident's own turn, the turn's resident: the card's options are written with it
            Resident resident = residents.current(phone).orElseThrow();
            boolean own = c.belongsTo(phone);
            outbox.enqueue(resident, card(c, change, resident.getLanguage(), own), null, null);
        }
    }

    void wakeSender(@Observes(during = TransactionPhase.AFTER_SUCCESS) CaseChanged change) {
        if (shouldTell(change)) {
            signals.outboxHasWork();
        }
    }

    private static boolean shouldTell(CaseChanged change) {
        if (!TOLD.contains(change.kind())) {
            return false;
        }
        return switch (change.kind()) {
            // a resident filing over 5G was just told by the flow itself; other channels, and a case staff
            // filed from the resident's live chat, are told here
            case FILED -> !NewCase.CHANNEL_5G.equals(change.serviceCase().getChannel())
                    || NewCase.FROM_LIVE_CHAT.equals(change.serviceCase().getFlowId());
            // routing at filing is part of the filing
            case DISPATCHED -> !CaseLifecycle.SYSTEM.equals(change.actor());
            // only the rating reminder goes to residents; deadline reminders are for staff
            case REMINDED -> "rating".equals(change.note());
            default -> true;
        };
    }

    private BotMessage card(ServiceCase c, CaseChanged change, String language, boolean own) {
        Messages messages = flows.engine().flows().messages();
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("number", c.getNumber());
        vars.put("unit", c.getUnit());
        vars.put("due", formats.time(c.getDueAt(), language));
        // only the text written for the resident (答复居民), never the staff's note or reason
        vars.put("note", change.publicText() == null ? "" : "：" + Formats.clip(change.publicText(), 300));
        vars.put("category", categories.find(c.getCategory()).map(k -> k.name().in(language)).orElse(c.getCategory()));
        vars.put("progress", CaseProgress.bar(c, language));
        vars.put("filer", change.kind() == CaseEvent.Kind.FILED && change.note() != null ? change.note() : "");
        rules.declineReason(c.getDeclineReason()).ifPresent(r -> {
            vars.put("reason", r.label().in(language));
            vars.put("elsewhere", r.elsewhere().in(language));
        });
        String what = switch (change.kind()) {
            case FILED -> change.note() != null ? "notify.filed-for" : "notify.filed";
            case DECLINED -> "notify.declined";
            case DISPATCHED -> "notify.dispatched";
            case TRANSFERRED -> "notify.transferred";
            case ACCEPTED -> "notify.accepted";
            case RESOLVED -> "notify.resolved";
            case REOPENED -> "notify.reopened";
            case EXTENSION_APPROVED -> "notify.extended";
            case RESUMED -> "notify.resumed";
            default -> "notify.rating-reminder";
        };
        List<String> lines = new ArrayList<>();
        lines.add(messages.render(language, "notify.progress", vars));
        lines.add(messages.render(language, what, vars));
        if (change.kind() != CaseEvent.Kind.DECLINED) {
            lines.add(messages.render(language, "notify.unit", vars));
        }
        if (c.isOpen()) {
            lines.add(messages.render(language, "notify.due", vars));
        }
        boolean rating = own && (change.kind() == CaseEvent.Kind.RESOLVED || change.kind() == CaseEvent.Kind.REMINDED);
        if (rating) {
            lines.add(messages.render(language, "notify.rate-prompt", vars));
        }
        List<Chip> chips = new ArrayList<>();
        if (rating) {
            for (Rating r : Rating.values()) {
                chips.add(Chip.reply(r.label(language), "rate:" + c.getNumber() + ":" + r.name()));
            }
        } else {
            chips.add(Chip.reply(Formats.clip(messages.render(language, "file.created.progress", vars), 25), "flow:my-requests"));
            if (own && c.isOpen()) {
                // the resident's own open case: add a photo or a note to it, or nudge it, from the update itself
                String number = java.net.URLEncoder.encode(c.getNumber(), java.nio.charset.StandardCharsets.UTF_8);
                chips.add(Chip.reply(Formats.clip(messages.render(language, "mine.add.chip", vars), 25),
                        "flow:" + FreeText.MINE + "?adding=" + number));
                chips.add(Chip.reply(Formats.clip(messages.render(language, "mine.nudge.chip", vars), 25),
                        "flow:" + FreeText.MINE + "?nudging=" + number));
            }
        }
        Media photo = change.kind() == CaseEvent.Kind.RESOLVED ? photo(c.getResolution().getPhoto()) : null;
        return BotMessage.card(new CardContent(photo, Formats.clip(messages.render(language, "notify.title", vars), 200),
                Formats.clip(String.join("\n", lines), 2000), chips));
    }

    /** A resolution photo is served from {@code /media/...} and must be within the platform's image limit. */
    private Media photo(String relative) {
        if (relative == null) {
            return null;
        }
        try {
            Path file = resolutions.resolve(relative).normalize();
            if (!file.startsWith(resolutions) || !Files.isRegularFile(file)) {
                return null;
            }
            String type = Files.probeContentType(file);
            long size = Files.size(file);
            return Media.image(publicUrl + "/media/" + relative, type == null ? "image/jpeg" : type, size);
        } catch (IOException | IllegalArgumentException e) {
            Log.infof("resolution photo %s not attached: %s", relative, e.getMessage());
            return null;
        }
    }
}
