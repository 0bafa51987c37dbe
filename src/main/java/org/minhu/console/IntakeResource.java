package org.minhu.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.minhu.cases.AreaOutlines;
import org.minhu.cases.CaseService;
import org.minhu.cases.DispatchRules;
import org.minhu.cases.Categories;
import org.minhu.cases.Category;
import org.minhu.cases.CasesConfig;
import org.minhu.cases.Gazetteer;
import org.minhu.cases.NewCase;
import org.minhu.cases.NearbyCase;
import org.minhu.cases.ServiceCase;
import org.minhu.common.ProblemException;
import org.minhu.security.CsrfProtected;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 代为登记: staff file a request for a resident who called, came to the desk or was met on patrol.
 * The category is guessed from the description when left empty, a typed address is placed by the
 * gazetteer, an open case of the same category nearby is offered before a second is filed, and the
 * case goes through {@link CaseService#file} like the chatbot's and Open311's: the same dispatch and
 * deadlines. Given a mobile number, the resident hears of the case over 5G Messages, first that
 * staff filed it for them.
 */
@Path("/console/intake")
@CsrfProtected
@Produces(MediaType.TEXT_HTML)
public class IntakeResource {

    /** How a request reached staff, as stored in the case's channel. */
    public static final Map<String, String> CHANNELS = channels();

    /** Who files requests for residents. */
    static final Set<String> ROLES = Set.of("operator", "grid", "supervisor", "admin");

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    /** As typed; latitude and longitude (text as posted) when the place was picked on the map. */
    public record Form(String channel, String phone, String category, String description, String address,
                       String latitude, String longitude) {
        Form(String channel, String phone, String category, String description, String address) {
            this(channel, phone, category, description, address, "", "");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance intake(Form form, Map<String, String> channels, List<Category> categories,
                                              List<NearbyCase> nearby, String guessed, String error, String flash,
                                              String areas);
    }

    private final CaseService cases;
    private final Categories categories;
    private final Gazetteer gazetteer;
    private final CasesConfig config;
    private final Viewer viewer;

    private final DispatchRules rules;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public IntakeResource(CaseService cases, Categories categories, Gazetteer gazetteer, CasesConfig config, Viewer viewer,
                          DispatchRules rules, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.rules = rules;
        this.json = json;
        this.cases = cases;
        this.categories = categories;
        this.gazetteer = gazetteer;
        this.config = config;
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance form(@org.jboss.resteasy.reactive.RestQuery String filed) {
        requireRole();
        // a case outside the viewer's grid (its place not found in it) is filed, but its page is not theirs
        String flash = filed == null || !filed.matches("[A-Z]{2}-\\d{8}-\\d{4,}") ? null : "已登记 " + filed + "，已按派单规则派单";
        return Templates.intake(new Form(viewer.isGridScoped() ? "patrol" : "phone", "", "", "", ""), CHANNELS,
                categories.all(), List.of(), null, null, flash, areasJson());
    }

    @POST
    public Response file(@RestForm String channel, @RestForm String phone, @RestForm String category,
                         @RestForm String description, @RestForm String address, @RestForm String confirm,
                         @RestForm("latitude") String pickedLatitude, @RestForm("longitude") String pickedLongitude) {
        requireRole();
        Form form = new Form(channel, blank(phone), blank(category), blank(description), blank(address),
                blank(pickedLatitude), blank(pickedLongitude));
        try {
            if (channel == null || !CHANNELS.containsKey(channel)) {
                throw ProblemException.badRequest("channel", "请选择诉求来源");
            }
            if (form.description().isEmpty()) {
                throw ProblemException.badRequest("description", "请填写诉求内容");
            }
            String tel = tel(form.phone());
            String code = form.category();
            if (code.isEmpty()) {
                Optional<Categories.Guess> guess = categories.guess(form.description());
                if (guess.isEmpty()) {
                    throw ProblemException.badRequest("category", "无法从描述判断类别，请选择类别");
                }
                code = guess.get().category().code();
                form = new Form(channel, form.phone(), code, form.description(), form.address(), form.latitude(),
                        form.longitude());
            } else if (categories.find(code).isEmpty()) {
                throw ProblemException.badRequest("category", "请从列表中选择类别");
            }
            double[] picked = picked(form);
            Optional<Gazetteer.Placed> placed = picked != null || form.address().isEmpty() ? Optional.empty()
                    : gazetteer.place(form.address());
            Double latitude = picked != null ? Double.valueOf(picked[0]) : placed.map(Gazetteer.Placed::latitude).orElse(null);
            Double longitude = picked != null ? Double.valueOf(picked[1]) : placed.map(Gazetteer.Placed::longitude).orElse(null);
            if (latitude != null && !"yes".equals(confirm)) {
                List<NearbyCase> nearby = cases.nearbyOpen(code, latitude, longitude, config.nearbyMeters(), null, 10);
                if (!nearby.isEmpty()) {
                    return Response.status(409).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                            .entity(Templates.intake(form, CHANNELS, categories.all(), nearby,
                                    form.category().equals(blank(category)) ? null : code, null, null, areasJson())).build();
                }
            }
            NewCase request = new NewCase(tel, code, form.description(), latitude, longitude,
                    form.address().isEmpty() ? null : form.address(), null, null, null, channel);
            ServiceCase c = cases.file(request, null, null,
                    new CaseService.Filer(viewer.getUsername(), viewer.getDisplayName().contains(viewer.getRole().label())
                            ? viewer.getDisplayName() : viewer.getRole().label() + " " + viewer.getDisplayName()));
            return Response.seeOther(URI.create(viewer.canSee(c) ? "/console/cases/" + c.getNumber() + "?done=intake"
                    : "/console/intake?filed=" + c.getNumber())).build();
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.intake(form, CHANNELS, categories.all(), List.of(), null, refused.problem().detail(), null,
                            areasJson()))
                    .build();
        }
    }

    /** The district's communities and grids for the place picker (the map's outlines, {@link AreaOutlines}). */
    private String areasJson() {
        try {
            return json.writeValueAsString(AreaOutlines.geoJson(rules.areas()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The place picked on the map, if one was: it wins over the typed address's (which is kept as typed). */
    private static double[] picked(Form form) {
        if (form.latitude().isEmpty() && form.longitude().isEmpty()) {
            return null;
        }
        try {
            double lat = Double.parseDouble(form.latitude());
            double lon = Double.parseDouble(form.longitude());
            if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
                return new double[] {lat, lon};
            }
        } catch (NumberFormatException unreadable) {
            // refused below
        }
        throw ProblemException.badRequest("latitude", "图上选定的位置无法识别，请在图上重新点选");
    }

    private void requireRole() {
        if (!ROLES.contains(viewer.getRole().id())) {
            throw new ForbiddenException("filing for residents is not this role's");
        }
    }

    /** A mainland mobile number as the resident's identity ({@code tel:+86…}); empty stays empty. */
    static String tel(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String digits = given.replaceAll("[\\s\\-().]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        if (!MOBILE.matcher(digits).matches()) {
            throw ProblemException.badRequest("phone", "请填写 11 位手机号码，或留空");
        }
        return "tel:+86" + digits;
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }

    private static Map<String, String> channels() {
        Map<String, String> channels = new LinkedHashMap<>();
        channels.put("phone", "电话");
        channels.put("visit", "来访");
        channels.put("patrol", "网格巡查");
        channels.put("mailbox", "信箱");
        channels.put("other", "其他");
        return java.util.Collections.unmodifiableMap(channels);
    }
}
