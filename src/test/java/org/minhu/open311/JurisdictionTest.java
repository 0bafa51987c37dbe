package org.minhu.open311;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.cases.ServiceCaseRepository;
import org.minhu.testing.MockCarrierResource;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.minhu.open311.GeoReportClient.api;
import static org.minhu.open311.GeoReportClient.form;

/**
 * {@code jurisdiction_id} on every resource, in both formats: the one jurisdiction served (in any
 * case, or left out) is answered; any other is a GeoReport 404 that names both, and files nothing.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class JurisdictionTest {

    private static final String ELSEWHERE = "beijing.example.cn";
    private static final List<String> RESOURCES = List.of("discovery", "services", "services/municipal", "requests");

    @Inject
    Open311Config config;

    @Inject
    ServiceCaseRepository cases;

    private long filedAs(String description) {
        return QuarkusTransaction.requiringNew().call(() -> cases.count("description", description));
    }

    private String served() {
        return config.jurisdictionId();
    }

    @Test
    void theJurisdictionServedIsAnsweredOnEveryResourceInBothFormats() {
        assertThat(served()).isEqualTo("shenzhen.example.cn");
        for (String resource : RESOURCES) {
            for (String id : List.of(served(), served().toUpperCase(Locale.ROOT))) {
                api().queryParam("jurisdiction_id", id).get(resource + ".json").then().statusCode(200);
                api().queryParam("jurisdiction_id", id).get(resource + ".xml").then().statusCode(200)
                        .contentType(startsWith("text/xml"));
            }
        }
    }

    @Test
    void anotherJurisdictionIs404NamingTheOneServedInTheFormatAskedFor() {
        for (String resource : RESOURCES) {
            api().queryParam("jurisdiction_id", ELSEWHERE).get(resource + ".json").then()
                    .statusCode(404).contentType(startsWith("application/json"))
                    .body("[0].code", equalTo(404))
                    .body("[0].description", containsString("jurisdiction_id " + ELSEWHERE + " is not served here"))
                    .body("[0].description", containsString(served()));
            Response xml = api().queryParam("jurisdiction_id", ELSEWHERE).get(resource + ".xml");
            assertThat(xml.statusCode()).isEqualTo(404);
            assertThat(xml.contentType()).startsWith("text/xml");
            assertThat(xml.xmlPath().getInt("errors.error.code")).isEqualTo(404);
            assertThat(xml.xmlPath().getString("errors.error.description")).contains(ELSEWHERE, served());
        }
        String number = form("policy").formParam("address_string", "坂田").post("requests.json").then().statusCode(201)
                .extract().jsonPath().getString("[0].service_request_id");
        api().queryParam("jurisdiction_id", ELSEWHERE).get("requests/" + number + ".json").then().statusCode(404)
                .body("[0].description", containsString(ELSEWHERE));
        api().queryParam("jurisdiction_id", ELSEWHERE).get("requests/" + number + ".xml").then().statusCode(404);
    }

    @Test
    void aPostNamesItsJurisdictionInTheFormOrTheQuery() {
        String here = "坂田 jurisdiction " + UUID.randomUUID();
        form("policy", here).formParam("address_string", "坂田").formParam("jurisdiction_id", served())
                .post("requests.json").then().statusCode(201);
        assertThat(filedAs(here)).isEqualTo(1);

        String inForm = "elsewhere in the form " + UUID.randomUUID();
        form("policy", inForm).formParam("address_string", "坂田").formParam("jurisdiction_id", ELSEWHERE)
                .post("requests.json").then().statusCode(404)
                .body("[0].description", containsString(ELSEWHERE));
        String inQuery = "elsewhere in the query " + UUID.randomUUID();
        Response xml = form("policy", inQuery).formParam("address_string", "坂田").queryParam("jurisdiction_id", ELSEWHERE)
                .post("requests.xml");
        assertThat(xml.statusCode()).isEqualTo(404);
        assertThat(xml.xmlPath().getString("errors.error.description")).contains(ELSEWHERE);
        assertThat(filedAs(inForm) + filedAs(inQuery)).as("nothing filed for another jurisdiction").isZero();
    }
}
