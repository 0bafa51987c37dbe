package org.minhu.open311;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.minhu.testing.MockCarrierResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minhu.open311.GeoReportClient.API_KEY;
import static org.minhu.open311.GeoReportClient.FORM;
import static org.minhu.open311.GeoReportClient.api;
import static org.minhu.open311.GeoReportClient.form;

/**
 * The XML a GeoReport v2 client gets from each {@code .xml} resource: the spec's elements, read with an
 * XML parser, holding the same values as the {@code .json} twin.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class GeoReportXmlTest {

    /** The answer parsed as XML, after checking it is XML as the spec asks: text/xml, UTF-8, with its declaration. */
    private static Document xml(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("text/xml").containsIgnoringCase("charset=UTF-8");
        byte[] body = response.asByteArray();
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("<?xml version=").containsPattern("^<\\?xml[^>]*encoding=['\"]UTF-8['\"]");
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + new String(body, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }

    /** The element children of an element, in order. */
    private static List<Element> children(Node parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element child(Node parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("one <%s> in <%s>", name, parent.getNodeName()).hasSize(1);
        return found.get(0);
    }

    /** Each child element's text, by element name: what JSON writes as the object's fields (null as empty). */
    private static Map<String, String> fields(Element element) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                fields.put(e.getTagName(), e.getTextContent());
            }
        }
        return fields;
    }

    /** A JSON object's fields as the XML writes them: text, with null as nothing. */
    private static Map<String, String> asText(Map<String, Object> json) {
        Map<String, String> text = new LinkedHashMap<>();
        json.forEach((key, value) -> text.put(key, value == null ? "" : String.valueOf(value)));
        return text;
    }

    @Test
    void servicesXmlListsTheSameServicesAsServicesJson() {
        for (String locale : List.of("zh", "en")) {
            List<Map<String, Object>> json = api().queryParam("locale", locale).get("services.json")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            Document doc = xml(api().queryParam("locale", locale).get("services.xml"), 200);

            assertThat(doc.getDocumentElement().getTagName()).isEqualTo("services");
            List<Map<String, String>> services = children(doc.getDocumentElement(), "service").stream()
                    .map(GeoReportXmlTest::fields).toList();
            assertThat(services).isEqualTo(json.stream().map(GeoReportXmlTest::asText).toList());
        }
        XmlPath english = api().queryParam("locale", "en").get("services.xml").then().extract().xmlPath();
        assertThat(english.getString("services.service[0].service_code")).isEqualTo("property");
        assertThat(english.getString("services.service[0].service_name")).isEqualTo("Property management");
        assertThat(english.getBoolean("services.service[0].metadata")).isTrue();
        assertThat(english.getString("services.service[0].type")).isEqualTo("realtime");
    }

    @Test
    void aServiceDefinitionInXmlWrapsAttributesAndValues() {
        Document doc = xml(api().get("services/municipal.xml"), 200);
        Element definition = doc.getDocumentElement();
        assertThat(definition.getTagName()).isEqualTo("service_definition");
        assertThat(child(definition, "service_code").getTextContent()).isEqualTo("municipal");
        List<Element> attributes = children(child(definition, "attributes"), "attribute");
        assertThat(attributes).hasSize(1);
        Map<String, String> attribute = fields(attributes.get(0));
        assertThat(attribute).containsEntry("variable", "true").containsEntry("code", "blocks_passage")
                .containsEntry("datatype", "singlevaluelist").containsEntry("required", "true")
                .containsEntry("order", "1").containsEntry("description", "是否影响通行");
        List<Map<String, String>> values = children(child(attributes.get(0), "values"), "value").stream()
                .map(GeoReportXmlTest::fields).toList();
        assertThat(values).containsExactly(Map.of("key", "yes", "name", "是"), Map.of("key", "no", "name", "否"));

        XmlPath consumer = api().queryParam("locale", "en").get("services/consumer.xml").then().extract().xmlPath();
        assertThat(consumer.getList("service_definition.attributes.attribute.code")).containsExactly("merchant", "purchase_date");
        assertThat(consumer.getList("service_definition.attributes.attribute.order")).containsExactly("1", "2");
        assertThat(consumer.getString("service_definition.attributes.attribute[1].datatype")).isEqualTo("datetime");
        assertThat(consumer.getString("service_definition.attributes.attribute[1].datatype_description")).startsWith("ISO 8601");

        Element policy = xml(api().get("services/policy.xml"), 200).getDocumentElement();
        assertThat(children(child(policy, "attributes"), "attribute")).as("a service without attributes").isEmpty();
    }

    @Test
    void aRequestPostedToRequestsXmlIsFiledAndEveryRequestResourceAnswersInXml() {
        String description = "坂田北路井盖缺失 " + UUID.randomUUID();
        Response posted = api().contentType(FORM)
                .formParam("api_key", API_KEY)
                .formParam("service_code", "municipal")
                .formParam("lat", "22.6531")
                .formParam("long", "114.0612")
                .formParam("address_string", "坂田北路 12 号")
                .formParam("description", description)
                .formParam("account_id", "account-7")
                .formParam("attribute[blocks_passage]", "yes")
                .post("requests.xml");
        Element created = xml(posted, 201).getDocumentElement();
        assertThat(created.getTagName()).isEqualTo("service_requests");
        Map<String, String> answer = fields(child(created, "request"));
        String number = answer.get("service_request_id");
        assertThat(number).matches("MH-\\d{8}-\\d{4}");
        assertThat(answer.get("service_notice")).startsWith("预计 ");
        assertThat(answer).containsEntry("account_id", "account-7");
        assertThat(posted.header("Location")).endsWith("/open311/v2/requests/" + number + ".xml");

        Map<String, String> json = asText(api().get("requests/" + number + ".json").then().statusCode(200)
                .extract().jsonPath().getMap("[0]"));
        Element one = xml(api().get("requests/" + number + ".xml"), 200).getDocumentElement();
        assertThat(one.getTagName()).isEqualTo("service_requests");
        Map<String, String> request = fields(child(one, "request"));
        assertThat(request).isEqualTo(json);
        assertThat(request).containsEntry("service_request_id", number).containsEntry("status", "open")
                .containsEntry("service_code", "municipal").containsEntry("description", description)
                .containsEntry("address", "坂田北路 12 号").containsEntry("lat", "22.6531").containsEntry("long", "114.0612");

        Element found = xml(api().queryParam("service_request_id", number).get("requests.xml"), 200).getDocumentElement();
        assertThat(children(found, "request")).singleElement().extracting(GeoReportXmlTest::fields).isEqualTo(json);

        Element none = xml(api().queryParam("service_code", "policy").queryParam("status", "closed")
                .queryParam("start_date", "2020-01-01T00:00:00+08:00").queryParam("end_date", "2020-01-02T00:00:00+08:00")
                .get("requests.xml"), 200).getDocumentElement();
        assertThat(none.getTagName()).isEqualTo("service_requests");
        assertThat(children(none, "request")).as("nothing filed then").isEmpty();
    }

    @Test
    void errorsOfAnXmlResourceAreGeoReportErrorsInXml() {
        assertXmlError(api().get("services/no-such-service.xml"), 404, "no-such-service");
        assertXmlError(api().get("requests/MH-19990101-0001.xml"), 404, "MH-19990101-0001");
        assertXmlError(api().queryParam("status", "lost").get("requests.xml"), 400, "status");
        assertXmlError(api().get("tokens/1.xml"), 404, "tokens/1.xml");
        assertXmlError(api().contentType(FORM).formParam("api_key", "not-our-key").formParam("service_code", "policy")
                .formParam("address_string", "坂田").formParam("description", "x").post("requests.xml"), 403, "api_key");
        assertXmlError(form("municipal").post("requests.xml"), 400, "lat");
        assertXmlError(api().contentType("text/plain").body("hello").post("requests.xml"), 415, "form-encoded");
    }

    private static void assertXmlError(Response response, int status, String saying) {
        Element errors = xml(response, status).getDocumentElement();
        assertThat(errors.getTagName()).isEqualTo("errors");
        List<Element> each = children(errors, "error");
        assertThat(each).hasSize(1);
        assertThat(child(each.get(0), "code").getTextContent()).isEqualTo(String.valueOf(status));
        assertThat(child(each.get(0), "description").getTextContent()).contains(saying);
    }

    @Test
    void discoveryNamesThisEndpointAndBothFormats() {
        JsonPath json = api().get("discovery.json").then().statusCode(200).extract().jsonPath();
        assertThat(json.getString("changeset")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(json.getString("contact")).contains("12345");
        assertThat(json.getString("key_service")).contains("api_key");
        assertThat(json.getList("endpoints")).hasSize(1);
        assertThat(json.getString("endpoints[0].specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(json.getString("endpoints[0].url")).startsWith("http://").endsWith("/open311/v2");
        assertThat(json.getString("endpoints[0].changeset")).isEqualTo(json.getString("changeset"));
        assertThat(json.getString("endpoints[0].type")).isEqualTo("production");
        assertThat(json.getList("endpoints[0].formats")).containsExactly("text/xml", "application/json");

        Element discovery = xml(api().get("discovery.xml"), 200).getDocumentElement();
        assertThat(discovery.getTagName()).isEqualTo("discovery");
        assertThat(child(discovery, "changeset").getTextContent()).isEqualTo(json.getString("changeset"));
        assertThat(child(discovery, "contact").getTextContent()).isEqualTo(json.getString("contact"));
        assertThat(child(discovery, "key_service").getTextContent()).isEqualTo(json.getString("key_service"));
        Element endpoint = child(child(discovery, "endpoints"), "endpoint");
        assertThat(fields(endpoint)).containsEntry("specification", "http://wiki.open311.org/GeoReport_v2")
                .containsEntry("url", json.getString("endpoints[0].url"))
                .containsEntry("changeset", json.getString("changeset"))
                .containsEntry("type", "production");
        assertThat(children(child(endpoint, "formats"), "format")).extracting(Element::getTextContent)
                .containsExactly("text/xml", "application/json");

        String url = json.getString("endpoints[0].url");
        io.restassured.RestAssured.given().get(url + "/services.xml").then().statusCode(200);
    }
}
