package org.minhu.open311;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.cases.Categories;
import org.minhu.testing.MockCarrierResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.minhu.open311.GeoReportClient.api;

/** What an Open311 client sees of the services, with the GeoReport v2 field names. */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class GeoReportServicesTest {

    @Inject
    Categories categories;

    @Test
    void everyCategoryIsAServiceWithTheGeoReportFields() {
        List<Map<String, Object>> services = api().get("services.json")
                .then().statusCode(200).contentType(startsWith("application/json"))
                .extract().jsonPath().getList("$");

        assertThat(services).extracting(s -> s.get("service_code"))
                .containsExactlyElementsOf(categories.all().stream().map(c -> c.code()).toList());
        assertThat(services).allSatisfy(s -> assertThat(s).containsOnlyKeys(
                "service_code", "service_name", "description", "metadata", "type", "keywords", "group"));
        Map<String, Object> property = services.get(0);
        assertThat(property).containsEntry("service_code", "property")
                .containsEntry("service_name", "物业服务")
                .containsEntry("description", "电梯、保洁、停车、收费")
                .containsEntry("metadata", true)
                .containsEntry("type", "realtime")
                .containsEntry("group", "城市服务");
        assertThat((String) property.get("keywords")).contains("物业,").contains("电梯");
        assertThat(services).filteredOn(s -> s.get("service_code").equals("policy"))
                .singleElement().satisfies(s -> assertThat(s).containsEntry("metadata", false));
    }

    @Test
    void localeEnGivesTheEnglishNames() {
        api().queryParam("locale", "en").get("services.json")
                .then().statusCode(200)
                .body("[0].service_name", equalTo("Property management"))
                .body("[0].group", equalTo("City services"));
    }

    @Test
    void aServiceDefinitionListsItsAttributesInOrder() {
        api().get("services/municipal.json")
                .then().statusCode(200)
                .body("service_code", equalTo("municipal"))
                .body("attributes", hasSize(1))
                .body("attributes[0].variable", equalTo(true))
                .body("attributes[0].code", equalTo("blocks_passage"))
                .body("attributes[0].datatype", equalTo("singlevaluelist"))
                .body("attributes[0].required", equalTo(true))
                .body("attributes[0].order", equalTo(1))
                .body("attributes[0].description", equalTo("是否影响通行"))
                .body("attributes[0].values.key", equalTo(List.of("yes", "no")))
                .body("attributes[0].values.name", equalTo(List.of("是", "否")));

        api().queryParam("locale", "en").get("services/consumer.json")
                .then().statusCode(200)
                .body("attributes.code", equalTo(List.of("merchant", "purchase_date")))
                .body("attributes.order", equalTo(List.of(1, 2)))
                .body("attributes.datatype", equalTo(List.of("string", "datetime")))
                .body("attributes[1].required", equalTo(false))
                .body("attributes[1].datatype_description", startsWith("ISO 8601"));
    }

    @Test
    void aServiceWithoutAttributesHasAnEmptyList() {
        api().get("services/policy.json").then().statusCode(200).body("attributes", empty());
    }

    @Test
    void anUnknownServiceIs404AsAGeoReportError() {
        api().get("services/no-such-service.json")
                .then().statusCode(404).contentType(startsWith("application/json"))
                .body("$", hasSize(1))
                .body("[0].code", equalTo(404))
                .body("[0].description", containsString("no-such-service"));
    }

    @Test
    void anUnknownResourceIs404AsAGeoReportError() {
        api().get("tokens/1.json")
                .then().statusCode(404).contentType(startsWith("application/json"))
                .body("[0].code", equalTo(404))
                .body("[0].description", containsString("tokens/1.json"))
                .body("[0].description", containsString("services/{service_code}, requests"));
    }

    @Test
    void theApiIsDocumentedUnderTheOpen311Tag() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/open311/v2/services.json'.get.tags", equalTo(List.of("open311")))
                .body("paths.'/open311/v2/requests.json'.post.tags", equalTo(List.of("open311")))
                .body("paths.'/open311/v2/requests/{service_request_id}.json'.get.tags", equalTo(List.of("open311")));
    }
}
