package org.minhu.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.console.ConsoleSession;
import org.minhu.testing.MockCarrierResource;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions and the sign-in form against an attacker (issue 13, items 6 and 7): a copied session
 * cookie stops working once its owner signs out or gets a new password; the redirect after signing
 * in ignores the Host header; the sign-in form needs the page's CSRF token; a matrix parameter is
 * answered at once.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class SessionsTest {

    @Inject
    StaffDirectory directory;

    private String newOperator(String password) {
        String name = "sess" + (System.nanoTime() % 1_000_000);
        directory.create(name, password, Role.OPERATOR, null, "接线员 会话测试");
        return name;
    }

    private static int inboxStatus(ConsoleSession copy) {
        return copy.bare().get("/console").statusCode();
    }

    @Test
    void signingOutEndsACopyOfTheSessionKeptElsewhere() {
        String name = newOperator("a-long-password-1");
        ConsoleSession browser = ConsoleSession.signIn(name, "a-long-password-1");
        ConsoleSession copy = browser; // the same cookies, replayed by someone else
        assertThat(inboxStatus(copy)).isEqualTo(200);

        Response out = browser.form().post("/console/logout");
        assertThat(out.statusCode()).isEqualTo(303);

        Response replayed = copy.bare().get("/console");
        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(replayed.header("Location")).endsWith("/console/login");
        assertThat(ConsoleSession.signIn(name, "a-long-password-1").bare().get("/console").statusCode())
                .as("signing in again works").isEqualTo(200);
    }

    @Test
    void aNewPasswordEndsEverySessionOfTheAccount() {
        String name = newOperator("a-long-password-1");
        ConsoleSession first = ConsoleSession.signIn(name, "a-long-password-1");
        ConsoleSession second = ConsoleSession.signIn(name, "a-long-password-1");
        assertThat(inboxStatus(first)).isEqualTo(200);

        directory.changePassword(name, "another-password-2");

        assertThat(inboxStatus(first)).isEqualTo(302);
        assertThat(inboxStatus(second)).isEqualTo(302);
        assertThat(inboxStatus(ConsoleSession.signIn(name, "another-password-2"))).isEqualTo(200);
    }

    @Test
    void theRedirectAfterSigningInIgnoresTheHostHeader() {
        String csrf = given().get("/console/login").cookie(org.minhu.security.CsrfFilter.COOKIE);
        Response r = given().redirects().follow(false).header("Host", "evil.example")
                .cookie(CsrfFilter.COOKIE, csrf).queryParam(CsrfFilter.FIELD, csrf)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "operator").formParam("j_password", DemoAccounts.PASSWORD)
                .post("/j_security_check");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.header("Location")).as("built from minhu.public-url").doesNotContain("evil.example")
                .startsWith("http://localhost:").endsWith("/console");
        Response stranger = given().redirects().follow(false).header("Host", "evil.example").get("/console");
        assertThat(stranger.header("Location")).doesNotContain("evil.example").endsWith("/console/login");
    }

    @Test
    void theSignInFormNeedsTheSignInPagesToken() {
        Response none = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "operator").formParam("j_password", DemoAccounts.PASSWORD)
                .post("/j_security_check");
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.cookie(ConsoleSession.SESSION_COOKIE)).isNullOrEmpty();

        Response forged = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie(CsrfFilter.COOKIE, "B".repeat(43)).queryParam(CsrfFilter.FIELD, "A".repeat(43))
                .formParam("j_username", "operator").formParam("j_password", DemoAccounts.PASSWORD)
                .post("/j_security_check");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.cookie(ConsoleSession.SESSION_COOKIE)).isNullOrEmpty();

        String page = given().get("/console/login").asString();
        assertThat(page).containsPattern("action=\"/j_security_check\\?_csrf=[A-Za-z0-9_-]{43}\"");
    }

    @Test
    void aMatrixParameterIsAnsweredAtOnce() {
        RestAssured.config = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 5000).setParam("http.connection.timeout", 5000));
        try {
            for (String path : java.util.List.of("/console/admin;x=1", "/console/cases;jsessionid=1/x", "/console;a=b")) {
                Instant start = Instant.now();
                Response r = given().redirects().follow(false).urlEncodingEnabled(false).get(path);
                assertThat(r.statusCode()).as(path).isEqualTo(400);
                assertThat(Duration.between(start, Instant.now())).as(path).isLessThan(Duration.ofSeconds(5));
            }
        } finally {
            RestAssured.config = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig());
        }
    }
}
