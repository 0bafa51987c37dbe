package org.minhu.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.minhu.console.ConsoleSession;
import org.minhu.testing.MockCarrierResource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Signing in to the console: hashed passwords, the session cookie, signing out. */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class SignInTest {

    @Test
    void theConsoleSendsAStrangerToTheSignInPage() {
        Response r = given().redirects().follow(false).get("/console");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/console/login");
        assertThat(given().get("/console/login").asString()).contains("j_security_check", "用户名");
    }

    @Test
    void aDemoAccountSignsInAndSeesTheInbox() {
        ConsoleSession operator = ConsoleSession.signIn("operator");
        Response inbox = operator.bare().get("/console");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.asString()).contains("收件箱", "接线员 王芳");
    }

    @Test
    void aWrongPasswordIsRefused() {
        Response r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "operator").formParam("j_password", "not-the-password")
                .post("/j_security_check");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.header("Location")).contains("/console/login?error=true");
        assertThat(r.cookie(ConsoleSession.SESSION_COOKIE)).isNullOrEmpty();
    }

    @Test
    void passwordsAreKeptAsBcryptHashes() {
        String hash = Passwords.hash("correct horse");
        assertThat(hash).startsWith("$2a$").doesNotContain("correct horse");
        assertThat(Passwords.matches("correct horse", hash)).isTrue();
        assertThat(Passwords.matches("wrong horse", hash)).isFalse();
    }

    @Test
    void signingOutForgetsTheSession() {
        ConsoleSession handler = ConsoleSession.signIn("handler");
        Response out = handler.form().post("/console/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.getDetailedCookie(ConsoleSession.SESSION_COOKIE).getMaxAge()).isEqualTo(0);
    }
}
