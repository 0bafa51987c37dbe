package org.minhu.open311;

import io.restassured.specification.RequestSpecification;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** An Open311 client in a test: the API's base path, the %test key, and form posts in UTF-8. */
final class GeoReportClient {

    static final String API_KEY = "test-open311-key";
    static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private GeoReportClient() {
    }

    static RequestSpecification api() {
        return given().basePath("/open311/v2");
    }

    /** A form post with the key and a description no other test uses. */
    static RequestSpecification form(String serviceCode) {
        return form(serviceCode, "open311 " + UUID.randomUUID());
    }

    static RequestSpecification form(String serviceCode, String description) {
        return api().contentType(FORM)
                .formParam("api_key", API_KEY)
                .formParam("service_code", serviceCode)
                .formParam("description", description);
    }

    /** A mainland mobile number no other test uses, as a client might type it: {@code +86 136 1234 5678}. */
    static String newMobile() {
        String digits = "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
        return "+86 136 " + digits.substring(0, 4) + " " + digits.substring(4);
    }

    /** The same number as 5G Messages knows the resident. */
    static String tel(String mobile) {
        return "tel:" + mobile.replace(" ", "");
    }
}
