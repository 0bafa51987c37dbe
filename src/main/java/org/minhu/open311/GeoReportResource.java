package org.minhu.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.minhu.cases.CasesConfig;
import org.minhu.cases.Categories;
import org.minhu.cases.Category;
import org.minhu.common.ProblemException;
import org.minhu.open311.GeoReportViews.CreatedRequest;
import org.minhu.open311.GeoReportViews.Discovery;
import org.minhu.open311.GeoReportViews.ErrorList;
import org.minhu.open311.GeoReportViews.RequestList;
import org.minhu.open311.GeoReportViews.Service;
import org.minhu.open311.GeoReportViews.ServiceDefinition;
import org.minhu.open311.GeoReportViews.ServiceList;
import org.minhu.open311.GeoReportViews.ServiceRequest;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Clock;
import java.util.List;

/**
 * Open311 GeoReport v2 for hotline operators, web forms and other apps. Every resource answers in
 * JSON ({@code .json}) and in XML ({@code .xml}, see {@link GeoReportXml}) with the same content;
 * the service discovery document is {@code discovery.json} / {@code discovery.xml}. Every resource
 * takes the optional {@code jurisdiction_id} of the one jurisdiction served. Every refusal from here
 * is a GeoReport error list in the format asked for, {@code [{"code": 400, "description": "..."}]}
 * or {@code <errors><error>}, not a problem document: that is what clients of this API read. The
 * mappers below apply to this resource only.
 */
@Path("/open311/v2")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "open311", description = "Open311 GeoReport v2: services and service requests, in JSON (.json) and XML (.xml)")
public class GeoReportResource {

    private static final String JURISDICTION = "the jurisdiction served; may be left out, any other value is 404";

    private final Categories categories;
    private final GeoReportMapper mapper;
    private final ServiceRequests requests;
    private final ServiceDiscovery discovery;
    private final Open311Config config;
    private final ObjectMapper json;
    private final CasesConfig casesConfig;
    private final Clock clock;

    public GeoReportResource(Categories categories, GeoReportMapper mapper, ServiceRequests requests,
                             ServiceDiscovery discovery, Open311Config config, ObjectMapper json,
                             CasesConfig casesConfig, Clock clock) {
        this.categories = categories;
        this.mapper = mapper;
        this.requests = requests;
        this.discovery = discovery;
        this.config = config;
        this.json = json;
        this.casesConfig = casesConfig;
        this.clock = clock;
    }

    @GET
    @Path("discovery.json")
    @Operation(summary = "Service discovery: this endpoint, its formats, whom to ask and how to get a key")
    public Discovery discovery(@RestQuery("jurisdiction_id") @Parameter(description = JURISDICTION) String jurisdictionId,
                               UriInfo uri) {
        serves(jurisdictionId);
        return discovery.describe(uri.getBaseUriBuilder().path(GeoReportResource.class).build().toString());
    }

    @GET
    @Path("discovery.xml")
    @Produces({MediaType.TEXT_XML, MediaType.APPLICATION_XML})
    @Operation(summary = "Service discovery, in XML")
    public Response discoveryXml(@RestQuery("jurisdiction_id") @Parameter(description = JURISDICTION) String jurisdictionId,
                                 UriInfo uri) {
        return GeoReportXml.answer(200, discovery(jurisdictionId, uri)).build();
    }

    @GET
    @Path("services.json")
    @Operation(summary = "The services: one per category of request")
    public List<Service> services(@Parameter(description = "en for English; Chinese otherwise") @RestQuery String locale,
                                  @RestQuery("jurisdiction_id") @Parameter(description = JURISDICTION) String jurisdictionId) {
        serves(jurisdictionId);
        return categories.all().stream().map(c -> mapper.service(c, locale)).toList();
    }

    @GET
    @Path("services.xml")
    @Produces({MediaType.TEXT_XML, MediaType.APPLICATION_XML})
    @Operation(summary = "The services, in XML: <services><service>…")
    public Response servicesXml(@Parameter(description = "en for English; Chinese otherwise") @RestQuery String locale,
                                @RestQuery("jurisdiction_id") @Parameter(description = JURISDICTION) String jurisdictionId) {
        return GeoReportXml.answer(200, new ServiceList(services(locale, jurisdictionId))).build();
    }

    @GET
    @Path("services/{service_code}.json")
    @Operation(summary = "A service's definition: the attributes a request of it answers")
    @APIResponse(responseCode = "200", description = "the definition")
    @APIResponse(responseCode = "404", description = "no such service", content = @Content(schema = @Schema(implementation = GeoReportError.class, type = SchemaType.ARRAY)))
    public ServiceDefinition definition(@RestPath("service_code") String serviceCode, @RestQuery String locale,
                                        @RestQuery("jurisdiction_id") @Parameter(description = JURISDICTION) String jurisdictionId) {
        serves(jurisdictionId);
        Category category = categories.find(serviceCode)
                .orElseThrow(() -> GeoReportException.notFound("service_code " + GeoReportException.shown(serviceCode)
                        + " is not a service; see services.json"));
        return mapper.definition(category, locale);
    }

    @GET
    @Path("services/{service_code}.xml")
    @Produces({MediaType.TEXT_XML, MediaType.APPLICATION_XML})
    @Operation(summary = "A service's definition, in XML: <service_definition>")
    public Response definitionXml(@RestPath("service_code") String serviceCode, @RestQuery String locale,
                                  @RestQuery("jurisdiction_id") @Parameter(description = JURISDICTION) String jurisdictionId) {
        return GeoReportXml.answer(200, definition(serviceCode, locale, jurisdictionId)).build();
    }

    @POST
    @Path("requests.json")
    @Operation(summary = "Post a service request (needs an api_key); it is filed as a case at once",
            description = "Form-encoded as GeoReport v2 clients send it, or JSON with the same field names. Fields: api_key, "
                    + "jurisdiction_id, service_code, lat and long or address_string, description, media_url, first_name, "
                    + "last_name, phone, email, device_id, account_id, attribute[code]=value (attribute[code][]=value for "
                    + "each value of a multivaluelist; in JSON also \"attribute\": {\"code\": value}). A mainland mobile "
                    + "phone number puts the case among that resident's requests over 5G Messages.")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(type = SchemaType.OBJECT)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT))})
    @APIResponse(responseCode = "201", description = "filed",
            content = @Content(schema = @Schema(implementation = CreatedRequest.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "a field to fix, named in the description",
            content = @Content(schema = @Schema(implementation = GeoReportError.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "403", description = "api_key missing or not valid",
            content = @Content(schema = @Schema(implementation = GeoReportError.class, type = SchemaType.ARRAY)))
    public Response create(@Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @RestQuery("api_key") String apiKeyInQuery, @RestQuery String locale,
                           @RestQuery("jurisdiction_id") @Parameter(description = JURISDICTION) String jurisdictionId,
                           UriInfo uri, String body) {
        CreatedRequest created = file(contentType, apiKeyInQuery, locale, jurisdictionId, body);
        return Response.created(location(uri, created, "json")).entity(List.of(created)).build();
    }

    @POST
    @Path("requests.xml")
    @Produces({MediaType.TEXT_XML, MediaType.APPLICATION_XML})
    @Operation(summary = "Post a service request, answered in XML: <service_requests><request><service_request_id>…",
            description = "The same fields as requests.json.")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(type = SchemaType.OBJECT)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT))})
    public Response createXml(@Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                              @RestQuery("api_key") String apiKeyInQuery, @RestQuery String locale,
                              @RestQuery("jurisdiction_id") @Parameter(description = JURISDICTION) String jurisdictionId,
                              UriInfo uri, String body) {
        CreatedRequest created = file(contentType, apiKeyInQuery, locale, jurisdictionId, body);
        return GeoReportXml.answer(201, new RequestList(List.of(created))).location(location(uri, created, "xml")).build();
    }

    private CreatedRequest file(String contentType, String apiKeyInQuery, String locale, String jurisdictionId,
                                String body) {
        RequestFields fields = read(contentType, body);
        serves(jurisdictionId != null ? jurisdictionId : fields.first("jurisdiction_id"));
        if (fields.first("api_key") == null && apiKeyInQuery != null) {
            fields.add("api_key", apiKeyInQuery);
        }
        String language = locale != null ? locale : fields.first("locale");
        return mapper.created(requests.submit(fields, language), language);
    }

    private static URI location(UriInfo uri, CreatedRequest created, String format) {
        return uri.getBaseUriBuilder().path(GeoReportResource.class)
                .path("requests/{id}." + format).build(created.serviceRequestId());
    }

    @GET
    @Path("requests.json")
    @Operation(summary = "Service requests, newest first, at most 1000",
            description = "service_request_id (comma separated) overrides every other filter. Otherwise the requests filed "
                    + "between start_date and end_date (W3C date-times, at most 90 days apart; the last 90 days by "
                    + "default), of the listed service_code and status (open, closed), comma separated.")
    @APIResponse(responseCode = "400", description = "a filter to fix, named in the description",
            content = @Content(schema = @Schema(implementation = GeoReportError.class, type = SchemaType.ARRAY)))
    public List<ServiceRequest> search(@RestQuery("service_request_id") String serviceRequestId,
                                       @RestQuery("service_code") String serviceCode, @RestQuery String status,
                                       @RestQuery("start_date") String startDate, @RestQuery("end_date") String endDate,
                                       @RestQuery String locale,
                                       @RestQuery("jurisdiction_id") @Parameter(description = JURISDICTION) String jurisdictionId) {
        serves(jurisdictionId);
        RequestQuery query = RequestQuery.read(serviceRequestId, serviceCode, status, startDate, endDate, categories,
                clock.instant(), casesConfig.zone());
        return requests.search(query).stream().map(found -> mapper.request(found, locale)).toList();
    }

    @GET
    @Path("requests.xml")
    @Produces({MediaType.TEXT_XML, MediaType.APPLICATION_XML})
    @Operation(summary = "Service requests, in XML: <service_requests><request>…", description = "The same filters as requests.json.")
    public Response searchXml(@RestQuery("service_request_id") String serviceRequestId,
                              @RestQuery("service_code") String serviceCode, @RestQuery String status,
                              @RestQuery("start_date") String startDate, @RestQuery("end_date") String endDate,
                              @RestQuery String locale,
                              @RestQuery("jurisdiction_id") @Parameter(description = JURISDICTION) String jurisdictionId) {
        return GeoReportXml.answer(200, new RequestList(
                search(serviceRequestId, serviceCode, status, startDate, endDate, locale, jurisdictionId))).build();
    }

    @GET
    @Path("requests/{service_request_id}.json")
    @Operation(summary = "One service request, as a list of one")
    @APIResponse(responseCode = "404", description = "no such request",
            content = @Content(schema = @Schema(implementation = GeoReportError.class, type = SchemaType.ARRAY)))
    public List<ServiceRequest> request(@RestPath("service_request_id") String serviceRequestId, @RestQuery String locale,
                                        @RestQuery("jurisdiction_id") @Parameter(description = JURISDICTION) String jurisdictionId) {
        serves(jurisdictionId);
        List<ServiceRequest> found = requests.search(RequestQuery.ofIds(serviceRequestId)).stream()
                .map(f -> mapper.request(f, locale)).toList();
        if (found.isEmpty()) {
            throw GeoReportException.notFound("service_request_id " + GeoReportException.shown(serviceRequestId) + " was not found");
        }
        return found;
    }

    @GET
    @Path("requests/{service_request_id}.xml")
    @Produces({MediaType.TEXT_XML, MediaType.APPLICATION_XML})
    @Operation(summary = "One service request, in XML: <service_requests><request>")
    public Response requestXml(@RestPath("service_request_id") String serviceRequestId, @RestQuery String locale,
                               @RestQuery("jurisdiction_id") @Parameter(description = JURISDICTION) String jurisdictionId) {
        return GeoReportXml.answer(200, new RequestList(request(serviceRequestId, locale, jurisdictionId))).build();
    }

    @GET
    @Path("{path: .*}")
    @Operation(hidden = true)
    public Response unknownGet(@RestPath String path) {
        throw unknown(path);
    }

    @POST
    @Path("{path: .*}")
    @Operation(hidden = true)
    public Response unknownPost(@RestPath String path) {
        throw unknown(path);
    }

    private static GeoReportException unknown(String path) {
        return GeoReportException.notFound("no such resource: " + GeoReportException.shown(path)
                + "; the resources are discovery, services, services/{service_code}, requests and "
                + "requests/{service_request_id}, each as .json or .xml");
    }

    /** This endpoint serves one jurisdiction; a client that names another is at the wrong address. */
    private void serves(String jurisdictionId) {
        if (jurisdictionId != null && !jurisdictionId.isBlank()
                && !jurisdictionId.strip().equalsIgnoreCase(config.jurisdictionId())) {
            throw GeoReportException.notFound("jurisdiction_id " + GeoReportException.shown(jurisdictionId.strip())
                    + " is not served here; this endpoint serves jurisdiction_id " + config.jurisdictionId() + " only");
        }
    }

    private RequestFields read(String contentType, String body) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            return RequestFields.fromForm(body, charset(type));
        }
        if (type != null && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json"))) {
            try {
                return RequestFields.fromJson(json.readTree(body == null ? "" : body));
            } catch (JsonProcessingException e) {
                throw GeoReportException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
            }
        }
        throw new GeoReportException(415, "post the request form-encoded (application/x-www-form-urlencoded) or as JSON");
    }

    /** Form bodies are percent-encoded UTF-8 unless the client says otherwise. */
    private static Charset charset(MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new GeoReportException(415, "unknown charset " + GeoReportException.shown(name));
        }
    }

    @ServerExceptionMapper
    public Response geoReport(GeoReportException e, UriInfo uri) {
        return errors(uri, e.status(), e.getMessage());
    }

    /** Refusals from the cases package (an unknown category, say) keep their status and detail. */
    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return errors(uri, e.problem().status(), e.problem().detail());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            Log.error("Open311 request failed", e);
        }
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        return errors(uri, status, reason != null ? reason.getReasonPhrase() : "request refused");
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        Log.error("unexpected failure in an Open311 request", e);
        return errors(uri, 500, "The request could not be completed; it was logged");
    }

    /** In the format the client asked for: {@code <errors><error>} for a {@code .xml} resource, a JSON array otherwise. */
    private static Response errors(UriInfo uri, int status, String description) {
        List<GeoReportError> errors = List.of(new GeoReportError(status, description));
        if (GeoReportXml.asked(uri.getPath())) {
            return GeoReportXml.answer(status, new ErrorList(errors)).build();
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset(StandardCharsets.UTF_8.name()))
                .entity(errors)
                .build();
    }
}
