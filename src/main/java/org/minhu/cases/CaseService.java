package org.minhu.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.minhu.common.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the conversation flows do with cases: file one, list and show a resident's own, find an
 * open one nearby to follow instead, and rate a resolved one. A resident only ever sees their
 * own cases; someone else's number reads exactly like a number that does not exist.
 */
@ApplicationScoped
@Transactional
public class CaseService {

    /** Longest list a resident is shown, whatever the caller asks for. */
    public static final int MAX_LIST = 50;
    static final int MAX_REASON = 1000;

    private final ServiceCaseRepository cases;
    private final CaseEventRepository events;
    private final CaseFollowerRepository followers;
    private final CaseAdditionRepository additions;
    private final CaseNumbers numbers;
    private final Categories categories;
    private final CasesConfig config;
    private final CaseworkSteps steps;
    private final DispatchRules rules;
    private final Event<CaseChanged> changed;
    private final Clock clock;

    public CaseService(ServiceCaseRepository cases, CaseEventRepository events, CaseFollowerRepository followers,
                       CaseAdditionRepository additions, CaseNumbers numbers, Categories categories, CasesConfig config,
                       CaseworkSteps steps, DispatchRules rules, Event<CaseChanged> changed, Clock clock) {
        this.additions = additions;
        this.rules = rules;
        this.cases = cases;
        this.events = events;
        this.followers = followers;
        this.numbers = numbers;
        this.categories = categories;
        this.config = config;
        this.steps = steps;
        this.changed = changed;
        this.clock = clock;
    }

    /**
     * Registers a request (受理): the category decides the handling unit, the priority and the
     * deadline; with auto-dispatch on, the dispatch rules route it at once (派单).
     */
    public ServiceCase file(NewCase request) {
        return file(request, null, null, null);
    }

    /**
     * Files a request as {@link #file(NewCase)} does, with the request type and handling class staff
     * chose (null: guessed from the description) and who filed it for the resident (null: they did).
     */
    public ServiceCase file(NewCase request, RequestType type, HandlingClass handling, Filer filedBy) {
        ServiceCase serviceCase = numbered(request, type, handling);
        // the filing's entry says what the case was filed as; routing at filing then moves it on before the
        // case is stored, so that it is written once, as it leaves the filing (not inserted, then updated);
        // who listens for the filing sees the case routed, as the resident filing over 5G is told
        CaseEvent filedEntry = filed(serviceCase, request, filedBy);
        CaseEvent routedEntry = config.autoDispatch() ? route(serviceCase) : null;
        store(serviceCase, filedEntry, routedEntry, filedBy);
        return serviceCase;
    }

    /** Routes a case being filed by the dispatch rules (派单), before it is stored; its history entry. */
    private CaseEvent route(ServiceCase c) {
        DispatchRules.Route route = rules.route(c.getCategory(), c.getDescription(), c.getLatitude(), c.getLongitude());
        Instant now = clock.instant();
        CaseState before = c.getState();
        c.apply(CaseTransition.DISPATCH, now);
        c.routeTo(route.unit(), route.grid(), List.of(), route.priority(), now, config.acceptWithin(), config.acceptEscalateAfter());
        String to = "派往 " + route.unit() + (route.grid() == null ? "" : " · " + route.grid());
        return new CaseEvent(c, now, CaseLifecycle.SYSTEM, CaseTransition.DISPATCH.kind(), before, to, to);
    }

    /** A member of staff filing for a resident: their user name (the history's actor) and how the resident is told of them. */
    public record Filer(String username, String label) {
    }

    /** The case a request makes, numbered and classified, not yet stored. */
    private ServiceCase numbered(NewCase request, RequestType type, HandlingClass handling) {
        Category category = categories.find(request.category())
                .orElseThrow(() -> ProblemException.badRequest("category", "unknown category: " + request.category()));
        Instant now = clock.instant();
        String number = numbers.next(LocalDate.ofInstant(now, config.zone()));
        ServiceCase serviceCase = new ServiceCase(number, request, category, now);
        DispatchRules.Kind kind = rules.kind(category.code(), request.description(), request.latitude(), request.longitude());
        RequestType t = type == null ? kind.type() : type;
        HandlingClass h = handling == null ? kind.handling() : handling;
        serviceCase.classify(t, h, rules.resolveHours(category.code(), kind.priority(), t, h), now);
        return serviceCase;
    }

    /** The history's first entry for a case as it is now (the state it was filed in). */
    private CaseEvent filed(ServiceCase serviceCase, NewCase request, Filer filedBy) {
        String actor = filedBy == null ? actor(request) : filedBy.username();
        // residents read this note in their case's timeline: the kind is on the case, not here
        String note = filedBy == null ? null : "代为登记：" + filedBy.label();
        return new CaseEvent(serviceCase, serviceCase.getCreatedAt(), actor, CaseEvent.Kind.FILED, null, note);
    }

    /**
     * Stores the case (one insert) and its first entries (one batch), then tells who listens that it was
     * filed and, when the dispatch rules routed it, where it went.
     */
    private void store(ServiceCase serviceCase, CaseEvent filedEntry, CaseEvent routedEntry, Filer filedBy) {
        cases.persist(serviceCase);
        events.append(serviceCase, routedEntry == null ? List.of(filedEntry) : List.of(filedEntry, routedEntry));
        // the note of a filing by staff names them: the resident's first message says who filed it for them
        changed.fire(new CaseChanged(serviceCase, CaseEvent.Kind.FILED, filedBy == null ? null : filedBy.label(),
                filedEntry.getActor()));
        if (routedEntry != null) {
            changed.fire(new CaseChanged(serviceCase, routedEntry.getKind(), routedEntry.getNote(), routedEntry.getActor(),
                    routedEntry.getPublicText()));
        }
    }

    /**
     * A question the knowledge base answered, kept as a consultation (咨询) closed at once, so that
     * questions count among the requests the city answered. Nothing is sent: the resident has the answer.
     */
    public ServiceCase recordConsultation(String phone, String question, String answered, String channel) {
        String category = categories.guess(question).map(g -> g.category().code())
                .or(() -> categories.find("policy").map(Category::code))
                .orElseGet(() -> categories.all().get(0).code());
        NewCase request = new NewCase(phone, category, question, null, null, null, null, null, null, channel);
        ServiceCase c = numbered(request, RequestType.CONSULTATION, HandlingClass.EASY);
        store(c, filed(c, request, null), null, null);
        return steps.answer(c.getNumber(), CaseLifecycle.SYSTEM, "知识库：" + answered);
    }

    /** The resident's cases, open ones first, then the most recent; at most {@code limit} (≤ {@link #MAX_LIST}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ServiceCase> forResident(String phone, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return cases.forPhone(phone, Math.min(limit, MAX_LIST));
    }

    /**
     * The resident's cases as their list shows them, open ones first, then the most recent; only those in
     * {@code state} when it is not null; at most {@code limit} (≤ {@link #MAX_LIST}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseLine> listFor(String phone, CaseState state, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return cases.linesForPhone(phone, state, Math.min(limit, MAX_LIST));
    }

    /** The case with this number if the resident filed it; empty for anyone else's and for unknown numbers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ServiceCase> forResident(String phone, String number) {
        if (phone == null || number == null) {
            return Optional.empty();
        }
        return cases.findOwned(phone, number.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * Open cases of a category within {@code radiusMeters} of a place, nearest first, at most
     * {@code limit}, none of {@code notOf}'s own: before a resident files, they can follow one of
     * these instead. Cases without a location are never near.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NearbyCase> nearbyOpen(String category, double latitude, double longitude, double radiusMeters,
                                       String notOf, int limit) {
        return cases.nearestOpenInBox(category, latitude, longitude, Geo.box(latitude, longitude, radiusMeters), notOf, limit)
                .stream()
                .filter(n -> n.meters() <= radiusMeters)
                .sorted(Comparator.comparingDouble(NearbyCase::meters))
                .toList();
    }

    /**
     * The resident follows an existing case instead of filing the same problem again. Following
     * twice, or following one's own case, changes nothing.
     */
    public void follow(String number, String phone) {
        ServiceCase serviceCase = cases.findByNumber(number)
                .orElseThrow(() -> ProblemException.notFound("no case " + number));
        if (serviceCase.belongsTo(phone)) {
            return;
        }
        Instant now = clock.instant();
        if (followers.add(serviceCase.getId(), phone, now)) {
            events.persist(new CaseEvent(serviceCase, now, phone, CaseEvent.Kind.FOLLOWED, serviceCase.getState(), null));
        }
    }

    /** Who follows the case, in the order they joined: the people to tell, besides the resident who filed it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> followers(ServiceCase serviceCase) {
        return followers.phonesFollowing(serviceCase.getId());
    }

    /**
     * The resident rates their own resolved case. 满意 and 基本满意 close the cycle (RATED);
     * 不满意 makes it a 差评件: reopened (IN_PROGRESS), flagged for supervision, with a new deadline.
     *
     * @throws CaseStateException if the case is not RESOLVED (already rated, or not done yet)
     * @throws ProblemException   404 if the resident has no case with this number
     */
    public ServiceCase rate(String phone, String number, Rating rating, String reason) {
        if (rating == null) {
            throw ProblemException.badRequest("rating", "rating is required");
        }
        ServiceCase serviceCase = forResident(phone, number)
                .orElseThrow(() -> ProblemException.notFound("no case " + number));
        String why = reason == null || reason.isBlank() ? null : clip(reason.strip());
        Instant now = clock.instant();
        CaseState before = serviceCase.getState();
        if (rating == Rating.UNSATISFIED) {
            serviceCase.reopenAsPoorlyRated(why, now);
        } else {
            serviceCase.rate(rating, why, now);
        }
        String note = why == null ? rating.name() : rating.name() + ": " + why;
        events.persist(new CaseEvent(serviceCase, now, phone, CaseEvent.Kind.RATED, before, note));
        return serviceCase;
    }

    /** What a resident sends to add to their case: a text, or a file the media store keeps (its path, type and name). */
    public record Addition(String text, String mediaPath, String mediaType, String mediaName) {
        public static Addition text(String text) {
            return new Addition(text, null, null, null);
        }

        public static Addition file(String path, String type, String name) {
            return new Addition(null, path, type, name);
        }
    }

    /**
     * What came of a resident's addition or nudge. Refusals are outcomes, not exceptions: they come
     * in the middle of a conversation's turn, whose transaction must still commit.
     */
    public enum Outcome {
        /** Done: kept with the case, in its history; the case's unit sees it. */
        DONE,
        /** A nudge when the resident nudged this case today already: nothing recorded. */
        ALREADY_TODAY,
        /** The case is no longer open (resolved, rated, archived, declined): nothing recorded. */
        CLOSED,
        /** The resident has no case with this number (someone else's reads the same). */
        NOT_FOUND
    }

    /** The outcome, and the case when it is the resident's own. */
    public record Result(Outcome outcome, ServiceCase serviceCase) {
    }

    /**
     * 补充材料: the resident adds a text or a photo to their own open case. It is kept with the case
     * for its handler (the case page), written in its history as 居民补充材料, and the case counts as
     * changed so open pages and the inbox fetch it again. Never published.
     *
     * @throws ProblemException 400 if there is neither a text nor a file
     */
    public Result addByResident(String phone, String number, Addition addition) {
        String text = addition == null || addition.text() == null || addition.text().isBlank() ? null
                : clip(addition.text().strip(), CaseAddition.MAX_TEXT);
        String path = addition == null || addition.mediaPath() == null || addition.mediaPath().isBlank() ? null : addition.mediaPath();
        if (text == null && path == null) {
            throw ProblemException.badRequest("addition", "请发送文字或照片");
        }
        Result found = ownedOpen(phone, number);
        if (found.outcome() != Outcome.DONE) {
            return found;
        }
        ServiceCase c = found.serviceCase();
        Instant now = clock.instant();
        additions.persist(new CaseAddition(c.getId(), now, phone, text, path, addition.mediaType(),
                addition.mediaName() == null ? null : clip(addition.mediaName(), 255)));
        c.residentAdded(now);
        String note = text != null ? text : "照片" + (addition.mediaName() == null ? "" : " " + addition.mediaName());
        events.persist(new CaseEvent(c, now, phone, CaseEvent.Kind.ADDED, c.getState(), clip(note, 500)));
        changed.fire(new CaseChanged(c, CaseEvent.Kind.ADDED, note, phone));
        return found;
    }

    /** What the resident added to the case, oldest first: for staff who may read the case. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseAddition> additions(ServiceCase serviceCase) {
        return additions.forCase(serviceCase.getId());
    }

    /** The file of one addition to this case; empty when the case has no such addition or it has no file. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CaseAddition> addition(ServiceCase serviceCase, long id) {
        return additions.findByIdOptional(id).filter(a -> a.getCaseId().equals(serviceCase.getId()) && a.getMediaPath() != null);
    }

    /**
     * 催办: the resident asks for their open case to be hurried, at most once a (local) day per case.
     * A nudge is written in the history as 居民催办, counted on the case (the inbox marks it) and kept
     * in {@code case_nudge} for the figures. A second nudge the same day records nothing.
     */
    public Result nudge(String phone, String number) {
        Result found = ownedOpen(phone, number);
        if (found.outcome() != Outcome.DONE) {
            return found;
        }
        ServiceCase c = found.serviceCase();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, config.zone());
        // the case's row is locked (ownedOpen): two nudges at once are taken one after the other
        if (c.getResidentActivity().getNudgedAt() != null && LocalDate.ofInstant(c.getResidentActivity().getNudgedAt(), config.zone()).equals(today)) {
            return new Result(Outcome.ALREADY_TODAY, c);
        }
        cases.getEntityManager().persist(new CaseNudge(c, today, now));
        c.nudged(now);
        events.persist(new CaseEvent(c, now, phone, CaseEvent.Kind.NUDGED, c.getState(), "第 " + c.getResidentActivity().getNudges() + " 次催办"));
        changed.fire(new CaseChanged(c, CaseEvent.Kind.NUDGED, null, phone));
        return found;
    }

    /** The resident's own case, locked, if it is still open: the rule for what residents add to a case. */
    private Result ownedOpen(String phone, String number) {
        if (phone == null || number == null || number.isBlank()) {
            return new Result(Outcome.NOT_FOUND, null);
        }
        Optional<ServiceCase> owned = cases.lockByNumber(number.strip().toUpperCase(Locale.ROOT))
                .filter(found -> found.belongsTo(phone));
        if (owned.isEmpty()) {
            return new Result(Outcome.NOT_FOUND, null);
        }
        return new Result(owned.get().isOpen() ? Outcome.DONE : Outcome.CLOSED, owned.get());
    }

    /** 回访: resolved cases whose resident has not rated {@code minhu.cases.call-back-after} after the resolution. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ServiceCase> callBacksDue(int limit) {
        return callBacksDue(limit, null);
    }

    /** As {@link #callBacksDue(int)}, only the cases that carry the label (its id) when one is given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ServiceCase> callBacksDue(int limit, Long label) {
        return cases.callBacksDue(clock.instant().minus(config.callBackAfter()), limit, label);
    }

    /** The case's history, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseEvent> history(ServiceCase serviceCase) {
        return events.forCase(serviceCase.getId());
    }

    private static String actor(NewCase request) {
        return request.phone() != null ? request.phone() : request.channel();
    }

    private static String clip(String text) {
        return clip(text, MAX_REASON);
    }

    private static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
