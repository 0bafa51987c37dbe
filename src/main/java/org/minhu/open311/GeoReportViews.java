package org.minhu.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What the GeoReport v2 API answers, with the spec's field names. The same records are written as
 * JSON and as XML; the XML annotations (read only by {@link GeoReportXml}) give the spec's element
 * names where XML wraps what JSON writes as an array: {@code <services><service>},
 * {@code <attributes><attribute>}, {@code <service_requests><request>}, {@code <errors><error>}.
 */
public final class GeoReportViews {

    private GeoReportViews() {
    }

    @Schema(name = "Open311Service")
    public record Service(@JsonProperty("service_code") String serviceCode,
                          @JsonProperty("service_name") String serviceName,
                          String description,
                          @Schema(description = "true when the service has attributes: see services/{service_code}.json")
                          boolean metadata,
                          @Schema(description = "realtime: a request gets its service_request_id at once")
                          String type,
                          @Schema(description = "comma separated")
                          String keywords,
                          String group) {
    }

    @Schema(name = "Open311ServiceDefinition")
    @JacksonXmlRootElement(localName = "service_definition")
    public record ServiceDefinition(@JsonProperty("service_code") String serviceCode,
                                    @JacksonXmlElementWrapper(localName = "attributes")
                                    @JacksonXmlProperty(localName = "attribute")
                                    List<Attribute> attributes) {
    }

    @Schema(name = "Open311Attribute")
    public record Attribute(@Schema(description = "true: the client asks it; false: shown only") boolean variable,
                            String code,
                            @Schema(enumeration = {"string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"})
                            String datatype,
                            boolean required,
                            @JsonProperty("datatype_description") String datatypeDescription,
                            int order,
                            String description,
                            @JacksonXmlElementWrapper(localName = "values")
                            @JacksonXmlProperty(localName = "value")
                            List<AttributeValue> values) {
    }

    @Schema(name = "Open311AttributeValue")
    public record AttributeValue(String key, String name) {
    }

    @Schema(name = "Open311ServiceRequest")
    public record ServiceRequest(@JsonProperty("service_request_id") String serviceRequestId,
                                 @Schema(enumeration = {"open", "closed"}) String status,
                                 @JsonProperty("status_notes") String statusNotes,
                                 @JsonProperty("service_name") String serviceName,
                                 @JsonProperty("service_code") String serviceCode,
                                 String description,
                                 @JsonProperty("agency_responsible") String agencyResponsible,
                                 @JsonProperty("service_notice") String serviceNotice,
                                 @JsonProperty("requested_datetime") String requestedDatetime,
                                 @JsonProperty("updated_datetime") String updatedDatetime,
                                 @JsonProperty("expected_datetime") String expectedDatetime,
                                 String address,
                                 @JsonProperty("address_id") String addressId,
                                 String zipcode,
                                 Double lat,
                                 @JsonProperty("long") Double longitude,
                                 @JsonProperty("media_url") String mediaUrl) {
    }

    @Schema(name = "Open311CreatedRequest")
    public record CreatedRequest(@JsonProperty("service_request_id") String serviceRequestId,
                                 @JsonProperty("service_notice") String serviceNotice,
                                 @JsonProperty("account_id") String accountId) {
    }

    /** Service discovery: where the API is, in which formats, whom to ask, and when the services last changed. */
    @Schema(name = "Open311Discovery")
    @JacksonXmlRootElement(localName = "discovery")
    public record Discovery(@Schema(description = "when the services or their definitions last changed (W3C date-time)")
                            String changeset,
                            String contact,
                            @JsonProperty("key_service") String keyService,
                            @JacksonXmlElementWrapper(localName = "endpoints")
                            @JacksonXmlProperty(localName = "endpoint")
                            List<Endpoint> endpoints) {
    }

    @Schema(name = "Open311Endpoint")
    public record Endpoint(String specification,
                           String url,
                           String changeset,
                           @Schema(enumeration = {"production", "test"}) String type,
                           @JacksonXmlElementWrapper(localName = "formats")
                           @JacksonXmlProperty(localName = "format")
                           List<String> formats) {
    }

    /** XML only: the root {@code <services>} around the {@code <service>} elements that JSON writes as an array. */
    @JacksonXmlRootElement(localName = "services")
    record ServiceList(@JacksonXmlElementWrapper(useWrapping = false)
                       @JacksonXmlProperty(localName = "service")
                       List<Service> services) {
    }

    /** XML only: {@code <service_requests>} around {@code <request>} elements, found or just created. */
    @JacksonXmlRootElement(localName = "service_requests")
    record RequestList(@JacksonXmlElementWrapper(useWrapping = false)
                       @JacksonXmlProperty(localName = "request")
                       List<?> requests) {
    }

    /** XML only: {@code <errors>} around {@code <error>} elements. */
    @JacksonXmlRootElement(localName = "errors")
    record ErrorList(@JacksonXmlElementWrapper(useWrapping = false)
                     @JacksonXmlProperty(localName = "error")
                     List<GeoReportError> errors) {
    }
}
