package org.minhu.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What the GeoReport v2 API answers, with the spec's field names. */
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
    public record ServiceDefinition(@JsonProperty("service_code") String serviceCode, List<Attribute> attributes) {
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
}
