package org.minhu.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minhu.console.ConsoleSession;
import org.minhu.testing.MockCarrierResource;
import org.minhu.testing.TestClock;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Signing in to the console: hashed passwords, the session cookie, signing out. */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class SignInTest {

    @Inject
    StaffDirectory directory;

    @Inject
    TestClock clock;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    private static String signIn(String username, String password) {
        Response r = org.minhu.console.ConsoleSession.postSignIn(username, password);
        assertThat(r.statusCode()).isEqualTo(302);
        return r.header("Location");
    }

    @Test
    void anApiClientSigningInWithEveryRequestLosesAccessAsSoonAsThePasswordChangesOrTheAccountIsDisabled() {
        String name = "client" + (System.nanoTime() % 1_000_000);
        directory.create(name, "the-old-password-1", Role.SUPERVISOR, null, "督办室 测试");
        for (int i = 0; i < 3; i++) {
            assertThat(given().auth().preemptive().basic(name, "the-old-password-1").get("/api/notices").statusCode())
                    .as("request " + i).isEqualTo(200);
        }
        directory.changePassword(name, "the-new-password-2");
        assertThat(given().auth().preemptive().basic(name, "the-old-password-1").get("/api/notices").statusCode())
                .as("the old password, checked right a moment ago").isEqualTo(401);
        assertThat(given().auth().preemptive().basic(name, "the-new-password-2").get("/api/notices").statusCode())
                .isEqualTo(200);
        directory.setActive(name, false);
        assertThat(given().auth().preemptive().basic(name, "the-new-password-2").get("/api/notices").statusCode())
                .as("a disabled account, its password checked right a moment ago").isEqualTo(401);
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccountForAQuarterOfAnHour() {
        String name = "guess" + (System.nanoTime() % 1_000_000);
        directory.create(name, "the-right-one-1", Role.OPERATOR, null, "接线员 测试");
        assertThat(signIn(name, "wrong-1")).contains("error=true");
        assertThat(signIn(name, "the-right-one-1")).as("a good password clears the count").doesNotContain("error");
        for (int i = 0; i < 4; i++) {
            assertThat(signIn(name, "wrong-" + i)).contains("error=true");
        }
        assertThat(signIn(name, "the-right-one-1")).as("four wrong in a row do not lock").doesNotContain("error");
        for (int i = 0; i < 5; i++) {
            signIn(name, "wrong-" + i);
        }
        assertThat(signIn(name, "the-right-one-1")).as("locked: even the right password").contains("error=true");
        assertThat(given().auth().preemptive().basic(name, "the-right-one-1").get("/api/notices").statusCode())
                .as("the API is locked too").isEqualTo(401);
        clock.advance(Duration.ofMinutes(14));
        assertThat(signIn(name, "the-right-one-1")).as("still locked after 14 minutes").contains("error=true");
        clock.advance(Duration.ofMinutes(2));
        assertThat(signIn(name, "the-right-one-1")).as("the lock lapses").doesNotContain("error");
        clock.reset();
        for (int i = 0; i < 5; i++) {
            signIn(name, "wrong-" + i);
        }
        directory.changePassword(name, "a-new-password-2");
        assertThat(signIn(name, "a-new-password-2")).as("an admin's new password unlocks").doesNotContain("error");
    }

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
        Response r = ConsoleSession.postSignIn("operator", "not-the-password");
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
