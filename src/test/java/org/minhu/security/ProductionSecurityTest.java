package org.minhu.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.minhu.console.ConsoleSession;
import org.minhu.testing.MockCarrierResource;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production settings of issue 13, item 7, switched on here as {@code %prod} switches them on:
 * metrics, the OpenAPI document and Swagger UI need a supervisor or admin; health stays open; the
 * session cookies are marked Secure.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
@TestProfile(ProductionSecurityTest.AsInProduction.class)
class ProductionSecurityTest {

    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("minhu.security.management-policy", "management-role", "minhu.security.secure-cookies", "true");
        }
    }

    @Test
    void metricsOpenApiAndSwaggerUiNeedASupervisorOrAdmin() {
        for (String path : new String[]{"/q/metrics", "/q/openapi", "/q/swagger-ui/"}) {
            assertThat(given().redirects().follow(false).get(path).statusCode()).as(path).isEqualTo(401);
            assertThat(given().auth().preemptive().basic("handler", DemoAccounts.PASSWORD).get(path).statusCode())
                    .as(path + " as a handler").isEqualTo(403);
            assertThat(given().auth().preemptive().basic("admin", DemoAccounts.PASSWORD).get(path).statusCode())
                    .as(path + " as an admin").isEqualTo(200);
        }
        assertThat(given().get("/q/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void theSessionCookiesAreSecure() {
        Response login = ConsoleSession.postSignIn("operator", DemoAccounts.PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.getDetailedCookie(ConsoleSession.SESSION_COOKIE).isSecured()).isTrue();
        assertThat(login.getDetailedCookie(SessionSeal.COOKIE).isSecured()).isTrue();
        assertThat(given().get("/console/login").getDetailedCookie(CsrfFilter.COOKIE).isSecured()).isTrue();
    }
}
