package org.minhu.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.minhu.cases.CaseEvent;
import org.minhu.cases.CaseEventRepository;
import org.minhu.cases.CaseService;
import org.minhu.cases.Categories;
import org.minhu.cases.NewCase;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.ServiceCaseRepository;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Open311 service requests are cases: posting one files a case through {@link CaseService} on
 * the {@value #CHANNEL} channel, so it takes the same path as one from a 5G conversation; what
 * it carries beyond a case is kept in {@link Open311Request}.
 */
@ApplicationScoped
@Transactional
public class ServiceRequests {

    /** The channel cases filed through Open311 are recorded with. */
    public static final String CHANNEL = "open311";
    static final int MAX_ATTRIBUTES_JSON = 8000;
    /** status_notes: the text written for the public of the kinds the public may see (CaseEvent.Kind), never staff notes. */
    private static final Set<CaseEvent.Kind> PUBLIC_NOTES = java.util.Arrays.stream(CaseEvent.Kind.values())
            .filter(k -> k.audience() == CaseEvent.Audience.PUBLIC)
            .collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(CaseEvent.Kind.class)));

    /** A case as the GeoReport API shows it, with its Open311 details when it came that way. */
    record Found(ServiceCase serviceCase, Open311Request details, String statusNotes) {
    }

    private final ApiKeys apiKeys;
    private final Categories categories;
    private final ServiceDefinitions definitions;
    private final CaseService caseService;
    private final ServiceCaseRepository cases;
    private final CaseEventRepository events;
    private final Open311RequestRepository details;
    private final Open311Config config;
    private final ObjectMapper json;

    public ServiceRequests(ApiKeys apiKeys, Categories categories, ServiceDefinitions definitions, CaseService caseService,
                           ServiceCaseRepository cases, CaseEventRepository events, Open311RequestRepository details,
                           Open311Config config, ObjectMapper json) {
        this.apiKeys = apiKeys;
        this.categories = categories;
        this.definitions = definitions;
        this.caseService = caseService;
        this.cases = cases;
        this.events = events;
        this.details = details;
        this.config = config;
        this.json = json;
    }

    /**
     * Files a posted request as a case. The key is checked first, so a caller without one learns
     * nothing about the services; then the service, the fields and the service's attributes.
     * A mainland mobile number becomes the case's phone: the resident finds the case among their
     * requests over 5G Messages.
     *
     * @throws GeoReportException 403 for a missing or wrong key, 400 naming what to fix
     */
    Found submit(RequestFields fields, String language) {
        apiKeys.require(fields.first("api_key"));
        SubmittedRequest request = SubmittedRequest.read(fields, code -> categories.find(code).isPresent());
        Map<String, Object> answers = definitions.answers(request.serviceCode(), fields.attributes(), language);
        String attributes = answers.isEmpty() ? null : toJson(answers);
        if (attributes != null && attributes.length() > MAX_ATTRIBUTES_JSON) {
            throw GeoReportException.badRequest("the attributes are over " + MAX_ATTRIBUTES_JSON + " characters together");
        }
        ServiceCase filed = caseService.file(new NewCase(request.phone().mobile(), request.serviceCode(),
                request.description(), request.latitude(), request.longitude(), request.addressString(), null, null, null,
                CHANNEL));
        Open311Request kept = new Open311Request(filed.getId(), request, attributes);
        details.persist(kept);
        return new Found(filed, kept, null);
    }

    /** Newest first, at most {@link RequestQuery#MAX_RESULTS}; only cases of the public channels. */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<Found> search(RequestQuery query) {
        StringBuilder where = new StringBuilder("channel in :channels");
        Parameters parameters = Parameters.with("channels", config.publicChannels());
        if (query.byIds()) {
            where.append(" and number in :numbers");
            parameters.and("numbers", query.ids());
        } else {
            where.append(" and createdAt >= :start and createdAt <= :end");
            parameters.and("start", query.start()).and("end", query.end());
            if (!query.codes().isEmpty()) {
                where.append(" and category in :codes");
                parameters.and("codes", query.codes());
            }
            if (!query.states().isEmpty()) {
                where.append(" and state in :states");
                parameters.and("states", query.states());
            }
        }
        where.append(" order by createdAt desc, id desc");
        List<ServiceCase> found = cases.find(where.toString(), parameters)
                .range(0, RequestQuery.MAX_RESULTS - 1)
                .list();
        return withDetails(found);
    }

    private List<Found> withDetails(List<ServiceCase> found) {
        List<Long> ids = found.stream().map(ServiceCase::getId).toList();
        Map<Long, Open311Request> kept = details.forCases(ids);
        Map<Long, String> notes = ids.isEmpty() ? Map.of() : latestPublicNotes(ids);
        return found.stream()
                .map(c -> new Found(c, kept.get(c.getId()), notes.get(c.getId())))
                .toList();
    }

    /**
     * The latest note on each case from a step the public may see: why it was dispatched,
     * transferred or reopened, what was done to resolve it. Internal notes, extension and pause
     * reasons, and the resident's own words (a rating reason) are not the city's to publish.
     */
    private Map<Long, String> latestPublicNotes(List<Long> caseIds) {
        Map<Long, String> notes = new HashMap<>();
        events.list("caseId in ?1 and kind in ?2 and publicText is not null order by id", caseIds, PUBLIC_NOTES)
                .forEach(event -> notes.put(event.getCaseId(), event.getPublicText()));
        return notes;
    }

    private String toJson(Map<String, Object> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and lists of strings always serialise", e);
        }
    }
}
