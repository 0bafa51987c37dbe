package org.minhu.proactive.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.minhu.cases.CaseService;
import org.minhu.cases.CaseState;
import org.minhu.cases.Categories;
import org.minhu.cases.DispatchRules;
import org.minhu.cases.Geo;
import org.minhu.cases.ServiceCase;
import org.minhu.common.ProblemException;
import org.minhu.conversation.subscription.Subscription;
import org.minhu.conversation.subscription.SubscriptionRepository;
import org.minhu.conversation.subscription.Topic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Turns an {@link Audience} into the residents it means, each marked whether the notice is about their own case. */
@ApplicationScoped
public class Audiences {

    public static final int MAX_LIST = 100_000;

    /** Who a notice goes to: phone → whether it concerns a case of theirs; plus what it is about, for the record. */
    public record Resolved(Map<String, Boolean> phones, String topic, String area, String aboutCase) {
    }

    private final EntityManager em;
    private final CaseService cases;
    private final Categories categories;
    private final DispatchRules rules;
    private final SubscriptionRepository subscriptions;

    public Audiences(EntityManager em, CaseService cases, Categories categories, DispatchRules rules,
                     SubscriptionRepository subscriptions) {
        this.em = em;
        this.cases = cases;
        this.categories = categories;
        this.rules = rules;
        this.subscriptions = subscriptions;
    }

    Resolved resolve(Audience audience) {
        if (audience == null || audience.kind() == null) {
            throw ProblemException.badRequest("audience.kind", "audience.kind is required: cases, case, subscribers or list");
        }
        return switch (audience.kind()) {
            case Audience.CASES -> withCases(audience);
            case Audience.CASE -> aboutCase(audience.caseNumber());
            case Audience.SUBSCRIBERS -> subscribers(audience.topic(), audience.area());
            case Audience.LIST -> list(audience.phones());
            default -> throw ProblemException.badRequest("audience.kind", "unknown audience " + audience.kind()
                    + "; one of cases, case, subscribers, list");
        };
    }

    private record Circle(double latitude, double longitude, double radiusMeters) {
        boolean holds(Double latitude, Double longitude) {
            return latitude != null && longitude != null
                    && Geo.distanceMeters(this.latitude, this.longitude, latitude, longitude) <= radiusMeters;
        }
    }

    /** Residents with cases in an area and/or of a category. */
    private Resolved withCases(Audience a) {
        Circle circle = circle(a);
        if (a.category() != null && categories.find(a.category()).isEmpty()) {
            throw ProblemException.badRequest("audience.category", "unknown category " + a.category());
        }
        if (circle == null && a.category() == null) {
            throw ProblemException.badRequest("audience.area", "say where (area, or latitude/longitude/radiusMeters) or which category");
        }
        StringBuilder jpql = new StringBuilder("select c.phone, c.latitude, c.longitude from ServiceCase c where c.phone is not null");
        Map<String, Object> params = new LinkedHashMap<>();
        if (a.category() != null) {
            jpql.append(" and c.category = :category");
            params.put("category", a.category());
        }
        if (a.since() != null) {
            jpql.append(" and c.createdAt >= :since");
            params.put("since", a.since());
        }
        if (Boolean.TRUE.equals(a.openOnly())) {
            jpql.append(" and c.state in :open");
            params.put("open", CaseState.OPEN);
        }
        if (circle != null) {
            Geo.Box box = Geo.box(circle.latitude(), circle.longitude(), circle.radiusMeters());
            jpql.append(" and c.latitude between :south and :north and c.longitude between :west and :east");
            params.put("south", box.south());
            params.put("north", box.north());
            params.put("west", box.west());
            params.put("east", box.east());
        }
        jpql.append(" order by c.id");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
        params.forEach(query::setParameter);
        // streamed in batches: a city-wide audience is hundreds of thousands of cases, more than a small heap holds at once
        query.setHint("org.hibernate.fetchSize", 2000);
        query.setHint("org.hibernate.readOnly", true);
        Map<String, Boolean> phones = new LinkedHashMap<>();
        try (Stream<Object[]> rows = query.getResultStream()) {
            rows.forEach(row -> {
                if (circle == null || circle.holds((Double) row[1], (Double) row[2])) {
                    phones.put((String) row[0], false);
                }
            });
        }
        return new Resolved(phones, null, a.area(), null);
    }

    private Circle circle(Audience a) {
        if (a.area() != null) {
            DispatchRules.Area area = area(a.area());
            return new Circle(area.latitude(), area.longitude(), area.radiusMeters());
        }
        if (a.latitude() == null && a.longitude() == null) {
            return null;
        }
        if (a.latitude() == null || a.longitude() == null || a.radiusMeters() == null || a.radiusMeters() <= 0
                || Math.abs(a.latitude()) > 90 || Math.abs(a.longitude()) > 180) {
            throw ProblemException.badRequest("audience.latitude", "a place needs latitude, longitude and a positive radiusMeters");
        }
        return new Circle(a.latitude(), a.longitude(), a.radiusMeters());
    }

    private DispatchRules.Area area(String code) {
        return rules.area(code)
                .orElseThrow(() -> ProblemException.badRequest("audience.area", "unknown area " + code));
    }

    /** The case's resident, its followers and the residents of cases linked to it: all about their own case. */
    private Resolved aboutCase(String number) {
        if (number == null || number.isBlank()) {
            throw ProblemException.badRequest("audience.case", "audience.case (a case number) is required");
        }
        ServiceCase c = em.createQuery("from ServiceCase where number = :number", ServiceCase.class)
                .setParameter("number", number.strip()).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.badRequest("audience.case", "no case " + number));
        Map<String, Boolean> phones = new LinkedHashMap<>();
        if (c.getPhone() != null) {
            phones.put(c.getPhone(), true);
        }
        cases.followers(c).forEach(p -> phones.put(p, true));
        em.createQuery("select d.phone from ServiceCase d where d.linkedTo = :number and d.phone is not null order by d.id", String.class)
                .setParameter("number", c.getNumber())
                .getResultList().forEach(p -> phones.put(p, true));
        return new Resolved(phones, null, null, c.getNumber());
    }

    private Resolved subscribers(String topic, String area) {
        if (topic == null && area == null) {
            throw ProblemException.badRequest("audience.topic", "say which topic or area the subscribers are of");
        }
        Map<String, Boolean> phones = new LinkedHashMap<>();
        if (topic != null) {
            Topic.of(topic).orElseThrow(() -> ProblemException.badRequest("audience.topic", "unknown topic " + topic));
            subscriptions.phonesFor(Subscription.Kind.TOPIC, topic).forEach(p -> phones.put(p, false));
        }
        if (area != null) {
            area(area);
            subscriptions.phonesFor(Subscription.Kind.AREA, area).forEach(p -> phones.put(p, false));
        }
        return new Resolved(phones, topic, area, null);
    }

    private static Resolved list(List<String> typed) {
        if (typed == null || typed.isEmpty()) {
            throw ProblemException.badRequest("audience.phones", "audience.phones is required");
        }
        if (typed.size() > MAX_LIST) {
            throw ProblemException.badRequest("audience.phones", "at most " + MAX_LIST + " phones in one notice");
        }
        Map<String, Boolean> phones = new LinkedHashMap<>();
        for (int i = 0; i < typed.size(); i++) {
            int at = i;
            String phone = Phones.telUri(typed.get(i)).orElseThrow(() ->
                    ProblemException.badRequest("audience.phones[" + at + "]", "not a phone number: " + typed.get(at)));
            phones.put(phone, false);
        }
        return new Resolved(phones, null, null, null);
    }
}
