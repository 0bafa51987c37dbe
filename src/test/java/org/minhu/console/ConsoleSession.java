package org.minhu.console;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.minhu.security.CsrfFilter;
import org.minhu.security.DemoAccounts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A member of staff signed in to the console over plain HTTP, as a browser would be, with the CSRF cookie. */
public final class ConsoleSession {

    public static final String SESSION_COOKIE = "minhu-session";

    private final String session;
    private final String csrf;

    private ConsoleSession(String session, String csrf) {
        this.session = session;
        this.csrf = csrf;
    }

    public static ConsoleSession signIn(String username) {
        return signIn(username, DemoAccounts.PASSWORD);
    }

    public static ConsoleSession signIn(String username, String password) {
        Response login = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
        assertThat(login.statusCode()).as("sign-in answer").isEqualTo(302);
        String session = login.cookie(SESSION_COOKIE);
        assertThat(session).as("session cookie for " + username).isNotBlank();
        Response page = given().redirects().follow(false).cookie(SESSION_COOKIE, session).get("/console/login");
        String csrf = page.cookie(CsrfFilter.COOKIE);
        assertThat(csrf).as("CSRF cookie").isNotBlank();
        return new ConsoleSession(session, csrf);
    }

    /** Signed in, carrying the CSRF cookie, but not yet the token in the form. */
    public RequestSpecification bare() {
        return given().redirects().follow(false).cookie(SESSION_COOKIE, session).cookie(CsrfFilter.COOKIE, csrf);
    }

    /** A form post as the console's pages make it: with the token in the form. */
    public RequestSpecification form() {
        return bare().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam(CsrfFilter.FIELD, csrf);
    }

    public String session() {
        return session;
    }

    public String csrf() {
        return csrf;
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
