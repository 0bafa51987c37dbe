package org.minhu.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;
import org.minhu.cases.AreaOutlines;
import org.minhu.cases.CaseState;
import org.minhu.cases.Categories;
import org.minhu.cases.DispatchRules;
import org.minhu.common.ProblemException;
import org.minhu.security.CsrfProtected;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 索骥图: the open cases the viewer may see on a map of the district's communities and grids, drawn
 * by ECharts in the page from the outlines of the dispatch rules' areas ({@link AreaOutlines}) and
 * the points ({@link CaseMap}); nothing is fetched from outside. Filtered by category, state and unit;
 * overdue cases and cases in a hot spot are marked, and every point links to its case page. The same
 * points are listed in a table under the map, and served as JSON at {@code /console/map/data}.
 */
@Path("/console/map")
@CsrfProtected
public class MapResource {

    /** The filter as asked, checked: what the page's form shows again. */
    public record Filter(String category, CaseState state, String unit, boolean overdue) {

        InboxFilter inbox() {
            return new InboxFilter(InboxFilter.View.ALL, state, category, unit, null, null, overdue, false, false, false, null, null, null);
        }
    }

    /** The open states in the order of the cycle: the state filter's choices. */
    static final List<CaseState> OPEN_STATES = java.util.Arrays.stream(CaseState.values()).filter(CaseState::isOpen).toList();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance map(CaseMap.View view, Filter filter, List<CaseState> states, List<String> units,
                                           String points, String areas, String error);
    }

    private final CaseMap map;
    private final Viewer viewer;
    private final Categories categories;
    private final DispatchRules rules;
    private final Labels labels;
    private final ObjectMapper json;

    public MapResource(CaseMap map, Viewer viewer, Categories categories, DispatchRules rules, Labels labels,
                       ObjectMapper json) {
        this.map = map;
        this.viewer = viewer;
        this.categories = categories;
        this.rules = rules;
        this.labels = labels;
        this.json = json;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@RestQuery String category, @RestQuery String state, @RestQuery String unit,
                         @RestQuery boolean overdue) {
        Filter filter;
        try {
            filter = filter(category, state, unit, overdue);
        } catch (ProblemException bad) {
            Filter shown = new Filter(null, null, null, overdue);
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.map(new CaseMap.View(List.of(), false, CaseMap.CAP), shown, OPEN_STATES,
                            categories.units(), write(List.of()), write(areas()), bad.problem().detail()))
                    .build();
        }
        CaseMap.View view = map.open(viewer, filter.inbox());
        return Response.ok(Templates.map(view, filter, OPEN_STATES, categories.units(),
                write(view.points().stream().map(this::point).toList()), write(areas()), null)).build();
    }

    /** The points as JSON, with the same filter and the same scope as the page. */
    @GET
    @Path("/data")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> data(@RestQuery String category, @RestQuery String state, @RestQuery String unit,
                                    @RestQuery boolean overdue) {
        CaseMap.View view = map.open(viewer, filter(category, state, unit, overdue).inbox());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("points", view.points().stream().map(this::point).toList());
        body.put("capped", view.capped());
        body.put("cap", view.cap());
        return body;
    }

    /** The district's communities and grids as GeoJSON, outlined as dispatch places points in them. */
    @GET
    @Path("/areas")
    @Produces("application/geo+json")
    public Map<String, Object> areas() {
        return AreaOutlines.geoJson(rules.areas());
    }

    private Filter filter(String category, String state, String unit, boolean overdue) {
        String cat = blankToNull(category);
        if (cat != null && categories.find(cat).isEmpty()) {
            throw ProblemException.badRequest("category", "没有这个类别：" + cat);
        }
        CaseState st = null;
        if (blankToNull(state) != null) {
            try {
                st = CaseState.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw ProblemException.badRequest("state", "没有这个状态：" + state.strip());
            }
            if (!st.isOpen()) {
                throw ProblemException.badRequest("state", "地图只显示未办结的诉求，" + labels.state(st) + "的诉求请在收件箱中查看");
            }
        }
        String un = blankToNull(unit);
        if (un != null && !categories.units().contains(un)) {
            throw ProblemException.badRequest("unit", "没有这个承办单位：" + un);
        }
        return new Filter(cat, st, un, overdue);
    }

    private Map<String, Object> point(CaseMap.Point p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", p.number());
        m.put("url", "/console/cases/" + p.number());
        m.put("category", p.category());
        m.put("categoryName", labels.category(p.category()));
        m.put("state", p.state().name());
        m.put("stateName", labels.state(p.state()));
        m.put("unit", p.unit());
        m.put("grid", p.grid());
        m.put("latitude", p.latitude());
        m.put("longitude", p.longitude());
        m.put("overdue", p.overdue());
        m.put("hotspot", p.hotspot());
        return m;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
