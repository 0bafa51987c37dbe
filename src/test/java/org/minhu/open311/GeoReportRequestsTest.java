package org.minhu.open311;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.cases.CaseLifecycle;
import org.minhu.cases.CaseService;
import org.minhu.cases.CaseState;
import org.minhu.cases.NewCase;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.ServiceCaseRepository;
import org.minhu.testing.MockCarrierResource;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.minhu.open311.GeoReportClient.API_KEY;
import static org.minhu.open311.GeoReportClient.FORM;
import static org.minhu.open311.GeoReportClient.api;
import static org.minhu.open311.GeoReportClient.form;
import static org.minhu.open311.GeoReportClient.newMobile;
import static org.minhu.open311.GeoReportClient.tel;

/**
 * Posting and reading service requests as an Open311 client does: GeoReport v2 field names,
 * error arrays, filters. Each test files its own requests, so tests never depend on each other's.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class GeoReportRequestsTest {

    private static final String CASE_NUMBER = "MH-\\d{8}-\\d{4}";
    private static final String W3C_IN_THE_CITY = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00";

    @Inject
    CaseService cases;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    ServiceCaseRepository caseRepository;

    @Inject
    Open311RequestRepository open311Requests;

    private static String filed(ValidatableResponse response) {
        return response.statusCode(201).extract().jsonPath().getString("[0].service_request_id");
    }

    /** A municipal request at a place, with its required attribute. */
    private static String fileMunicipal() {
        return filed(form("municipal").formParam("lat", "22.6531").formParam("long", "114.0612")
                .formParam("attribute[blocks_passage]", "no")
                .post("requests.json").then());
    }

    private static ValidatableResponse refused(ValidatableResponse response, int status, String saying) {
        return response.statusCode(status).contentType(startsWith("application/json"))
                .body("$", hasSize(1))
                .body("[0].code", equalTo(status))
                .body("[0].description", containsString(saying));
    }

    private ServiceCase stored(String number) {
        return QuarkusTransaction.requiringNew().call(() -> caseRepository.findByNumber(number).orElseThrow());
    }

    private long casesDescribedAs(String description) {
        return QuarkusTransaction.requiringNew().call(() -> caseRepository.count("description", description));
    }

    private Map<String, Object> one(String number) {
        return api().get("requests/" + number + ".json").then().statusCode(200)
                .body("$", hasSize(1)).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE)).getMap("[0]");
    }

    private List<String> ids(ValidatableResponse response) {
        return response.statusCode(200).extract().jsonPath().getList("service_request_id");
    }

    @Test
    void aFormPostIsFiledAsACaseAndReadBackWithTheGeoReportFields() {
        String description = "五和大道北口路灯不亮 " + UUID.randomUUID();
        ValidatableResponse posted = api().contentType(FORM)
                .formParam("api_key", API_KEY)
                .formParam("service_code", "municipal")
                .formParam("lat", "22.6531")
                .formParam("long", "114.0612")
                .formParam("address_string", "坂田街道五和大道北口")
                .formParam("description", description)
                .formParam("media_url", "https://example.org/photos/1.jpg")
                .formParam("first_name", "小明")
                .formParam("last_name", "王")
                .formParam("email", "wang@example.org")
                .formParam("device_id", "device-1")
                .formParam("account_id", "account-42")
                .formParam("attribute[blocks_passage]", "yes")
                .post("requests.json").then()
                .statusCode(201).contentType(startsWith("application/json"))
                .body("$", hasSize(1))
                .body("[0].service_request_id", matchesPattern(CASE_NUMBER))
                .body("[0].service_notice", startsWith("预计 "))
                .body("[0].account_id", equalTo("account-42"));
        String number = posted.extract().jsonPath().getString("[0].service_request_id");
        posted.header("Location", endsWith("/open311/v2/requests/" + number + ".json"));

        Map<String, Object> request = one(number);
        assertThat(request).containsOnlyKeys("service_request_id", "status", "status_notes", "service_name",
                "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
                "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");
        assertThat(request).containsEntry("service_request_id", number)
                .containsEntry("status", "open")
                .containsEntry("service_code", "municipal")
                .containsEntry("service_name", "市政设施")
                .containsEntry("description", description)
                .containsEntry("address", "坂田街道五和大道北口")
                .containsEntry("media_url", "https://example.org/photos/1.jpg");
        assertThat(request).containsEntry("lat", 22.6531).containsEntry("long", 114.0612);
        assertThat((String) request.get("requested_datetime")).matches(W3C_IN_THE_CITY);
        assertThat((String) request.get("expected_datetime")).matches(W3C_IN_THE_CITY);

        ServiceCase filed = stored(number);
        assertThat(OffsetDateTime.parse((String) request.get("expected_datetime")).toInstant())
                .isEqualTo(filed.getDueAt().truncatedTo(ChronoUnit.SECONDS));
        assertThat(filed.getChannel()).isEqualTo(ServiceRequests.CHANNEL);
        assertThat(filed.getPhone()).isNull();
        assertThat(request).containsEntry("agency_responsible", filed.getUnit());
        Open311Request kept = QuarkusTransaction.requiringNew().call(() -> open311Requests.findById(filed.getId()));
        assertThat(kept.getAttributes()).isEqualTo("{\"blocks_passage\":\"yes\"}");
        assertThat(kept.getEmail()).isEqualTo("wang@example.org");
        assertThat(kept.getFirstName()).isEqualTo("小明");
        assertThat(kept.getDeviceId()).isEqualTo("device-1");
    }

    @Test
    void aJsonPostIsFiledToo() {
        String number = filed(api().contentType("application/json").body("""
                {"api_key": "%s", "service_code": "property", "address_string": "第五园三期 3栋",
                 "description": "电梯停了两天", "attribute": {"building_room": "3栋1202"}}""".formatted(API_KEY))
                .post("requests.json").then());

        assertThat(one(number)).containsEntry("service_code", "property").containsEntry("address", "第五园三期 3栋")
                .containsEntry("lat", null);
        ServiceCase filed = stored(number);
        assertThat(QuarkusTransaction.requiringNew().call(() -> open311Requests.findById(filed.getId()).getAttributes()))
                .isEqualTo("{\"building_room\":\"3栋1202\"}");
    }

    @Test
    void aMultivaluelistTakesEachValueAndKeepsTheServicesOrder() {
        String fromForm = filed(form("environment").formParam("address_string", "五和地铁站 A 口")
                .formParam("attribute[time_of_day][]", "night", "morning")
                .post("requests.json").then());
        String fromJson = filed(api().contentType("application/json").body("""
                {"api_key": "%s", "service_code": "environment", "lat": 22.65, "long": 114.06,
                 "description": "工地夜间施工噪音", "attribute": {"time_of_day": ["night", "evening"]}}""".formatted(API_KEY))
                .post("requests.json").then());

        assertThat(attributesOf(fromForm)).isEqualTo("{\"time_of_day\":[\"morning\",\"night\"]}");
        assertThat(attributesOf(fromJson)).isEqualTo("{\"time_of_day\":[\"evening\",\"night\"]}");
    }

    private String attributesOf(String number) {
        ServiceCase filed = stored(number);
        return QuarkusTransaction.requiringNew().call(() -> open311Requests.findById(filed.getId()).getAttributes());
    }

    @Test
    void aMobileNumberPutsTheCaseAmongThatResidentsRequestsOver5G() {
        String mobile = newMobile();

        String number = filed(form("municipal").formParam("lat", "22.6531").formParam("long", "114.0612")
                .formParam("phone", mobile)
                .formParam("attribute[blocks_passage]", "no")
                .post("requests.json").then());

        assertThat(stored(number).getPhone()).isEqualTo(tel(mobile));
        assertThat(cases.forResident(tel(mobile), 10)).extracting(ServiceCase::getNumber).containsExactly(number);
        assertThat(cases.forResident(tel(mobile), number)).isPresent();
    }

    @Test
    void aNumberThatIsNotAMobileIsKeptForStaffOnly() {
        String number = filed(form("policy").formParam("address_string", "坂田街道党群服务中心")
                .formParam("phone", "0755-8888 1234")
                .post("requests.json").then());

        ServiceCase filed = stored(number);
        assertThat(filed.getPhone()).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> open311Requests.findById(filed.getId()).getContactPhone()))
                .isEqualTo("075588881234");
    }

    @Test
    void anInvalidPhoneIsRefused() {
        refused(form("policy").formParam("address_string", "坂田").formParam("phone", "138001380")
                .post("requests.json").then(), 400, "phone");
        refused(form("policy").formParam("address_string", "坂田").formParam("phone", "call me")
                .post("requests.json").then(), 400, "phone");
    }

    @Test
    void withoutAValidKeyNothingIsFiled() {
        String description = "没有密钥 " + UUID.randomUUID();

        refused(api().contentType(FORM).formParam("service_code", "policy").formParam("address_string", "坂田")
                .formParam("description", description)
                .post("requests.json").then(), 403, "api_key");
        refused(api().contentType(FORM).formParam("api_key", "not-our-key").formParam("service_code", "policy")
                .formParam("address_string", "坂田").formParam("description", description)
                .post("requests.json").then(), 403, "api_key is not valid");
        refused(api().contentType(FORM).formParam("api_key", "mh-demo-open311-key").formParam("service_code", "policy")
                .formParam("address_string", "坂田").formParam("description", description)
                .post("requests.json").then(), 403, "api_key");

        assertThat(casesDescribedAs(description)).isZero();
    }

    @Test
    void theKeyMayAlsoComeInTheQueryString() {
        filed(api().contentType(FORM).queryParam("api_key", API_KEY)
                .formParam("service_code", "policy").formParam("address_string", "坂田街道党群服务中心")
                .formParam("description", "居住证办理需要哪些材料")
                .post("requests.json").then());
    }

    @Test
    void theServiceCodeIsRequiredAndMustBeAService() {
        refused(api().contentType(FORM).formParam("api_key", API_KEY).formParam("address_string", "坂田")
                .formParam("description", "x").post("requests.json").then(), 400, "service_code is required");
        refused(form("potholes").formParam("address_string", "坂田").post("requests.json").then(),
                400, "service_code potholes is not a service");
    }

    @Test
    void aLocationIsRequired() {
        refused(form("policy").post("requests.json").then(), 400, "lat and long, or address_string");
        refused(form("policy").formParam("lat", "22.65").post("requests.json").then(), 400, "long is missing");
        refused(form("policy").formParam("lat", "north").formParam("long", "114").post("requests.json").then(),
                400, "lat is not a number");
    }

    @Test
    void aRequiredAttributeIsRequiredAndAnswersMustFit() {
        String description = "缺少房号 " + UUID.randomUUID();

        refused(form("property", description).formParam("address_string", "第五园")
                .post("requests.json").then(), 400, "attribute[building_room] is required");
        refused(form("municipal").formParam("address_string", "五和大道")
                .formParam("attribute[blocks_passage]", "maybe").post("requests.json").then(),
                400, "attribute[blocks_passage] has no value maybe");
        refused(form("policy").formParam("address_string", "坂田")
                .formParam("attribute[colour]", "red").post("requests.json").then(),
                400, "attribute[colour] is not an attribute of service policy");
        refused(form("elderly").formParam("address_string", "坂田")
                .formParam("attribute[age]", "old").post("requests.json").then(),
                400, "attribute[age] is a number");

        assertThat(casesDescribedAs(description)).isZero();
    }

    @Test
    void aBodyThatIsNeitherAFormNorJsonIsRefusedInTheGeoReportFormat() {
        refused(api().contentType("text/plain").body("service_code=policy").post("requests.json").then(), 415, "form-encoded");
        refused(api().contentType("application/json").body("{\"api_key\": ").post("requests.json").then(), 400, "not valid JSON");
    }

    @Test
    void serviceRequestIdsOverrideEveryOtherFilter() {
        String first = fileMunicipal();
        String second = fileMunicipal();
        fileMunicipal();

        assertThat(ids(api().queryParam("service_request_id", first + "," + second.toLowerCase())
                .queryParam("service_code", "policy").queryParam("status", "closed")
                .get("requests.json").then()))
                .containsExactlyInAnyOrder(first, second);
    }

    @Test
    void theServiceCodeAndStatusFiltersSelect() {
        String open = fileMunicipal();
        String closed = filed(form("environment").formParam("address_string", "五和地铁站 A 口")
                .post("requests.json").then());
        if (stored(closed).getState() == CaseState.RECEIVED) {
            lifecycle.dispatch(closed, "dispatcher", stored(closed).getUnit(), List.of(), null);
        }
        lifecycle.accept(closed, "handler-open311");
        lifecycle.resolve(closed, "handler-open311", "垃圾已清运，点位已消杀", null);

        List<Map<String, Object>> closedEnvironment = api().queryParam("service_code", "environment")
                .queryParam("status", "closed").get("requests.json")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(closedEnvironment).extracting(r -> r.get("service_request_id")).contains(closed).doesNotContain(open);
        assertThat(closedEnvironment).allSatisfy(r -> assertThat(r).containsEntry("service_code", "environment")
                .containsEntry("status", "closed"));
        assertThat(one(closed)).containsEntry("status_notes", "垃圾已清运，点位已消杀")
                .hasEntrySatisfying("service_notice", notice -> assertThat((String) notice).startsWith("已于 "));

        List<String> openOnes = ids(api().queryParam("status", "open").get("requests.json").then());
        assertThat(openOnes).contains(open).doesNotContain(closed);
        assertThat(ids(api().queryParam("service_code", "municipal,environment").get("requests.json").then()))
                .contains(open, closed);
    }

    @Test
    void theDateFiltersSelectByWhenTheRequestWasFiled() {
        String number = fileMunicipal();
        OffsetDateTime requested = OffsetDateTime.parse((String) one(number).get("requested_datetime"));

        assertThat(ids(api().queryParam("start_date", requested.minusMinutes(1).toString())
                .queryParam("end_date", requested.plusMinutes(1).toString())
                .get("requests.json").then())).contains(number);
        assertThat(ids(api().queryParam("start_date", requested.minusDays(2).toString())
                .queryParam("end_date", requested.minusDays(1).toString())
                .get("requests.json").then())).doesNotContain(number);
        assertThat(ids(api().queryParam("end_date", requested.minusDays(1).toString())
                .get("requests.json").then())).doesNotContain(number);
        assertThat(ids(api().get("requests.json").then())).contains(number);
    }

    @Test
    void badFiltersAreRefused() {
        refused(api().queryParam("start_date", "2026-01-01T00:00:00Z").queryParam("end_date", "2026-06-01T00:00:00Z")
                .get("requests.json").then(), 400, "at most 90 days");
        refused(api().queryParam("start_date", "yesterday").get("requests.json").then(), 400, "start_date");
        refused(api().queryParam("start_date", "2026-06-02").queryParam("end_date", "2026-06-01")
                .get("requests.json").then(), 400, "end_date is before start_date");
        refused(api().queryParam("status", "pending").get("requests.json").then(), 400, "status is open or closed");
        refused(api().queryParam("service_code", "potholes").get("requests.json").then(), 400, "potholes");
    }

    @Test
    void anUnknownRequestIs404AsAGeoReportError() {
        refused(api().get("requests/MH-20000101-9999.json").then(), 404, "MH-20000101-9999");
    }

    @Test
    void aCaseFromA5GConversationIsNotPublished() {
        ServiceCase private5g = QuarkusTransaction.requiringNew().call(() -> cases.file(new NewCase(tel(newMobile()),
                "neighbour", "楼上漏水，我家住 302", null, null, "第五园三期", null, "report", 1)));

        api().get("requests/" + private5g.getNumber() + ".json").then().statusCode(404);
        api().queryParam("service_request_id", private5g.getNumber()).get("requests.json")
                .then().statusCode(200).body("$", empty());
    }
}
