package org.minhu.console;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.minhu.security.CsrfFilter;
import org.minhu.security.DemoAccounts;
import org.minhu.security.SessionSeal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A member of staff signed in to the console over plain HTTP, as a browser would be, with the CSRF cookie. */
public final class ConsoleSession {

    public static final String SESSION_COOKIE = "minhu-session";

    private final String session;
    private final String version;
    private final String csrf;

    private ConsoleSession(String session, String version, String csrf) {
        this.session = session;
        this.version = version;
        this.csrf = csrf;
    }

    public static ConsoleSession signIn(String username) {
        return signIn(username, DemoAccounts.PASSWORD);
    }

    /** The sign-in form as the sign-in page serves it: the POST to Quarkus's form auth with the page's CSRF token. */
    public static Response postSignIn(String username, String password) {
        String csrf = given().redirects().follow(false).get("/console/login").cookie(CsrfFilter.COOKIE);
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie(CsrfFilter.COOKIE, csrf).queryParam(CsrfFilter.FIELD, csrf)
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
    }

    public static ConsoleSession signIn(String username, String password) {
        Response login = postSignIn(username, password);
        assertThat(login.statusCode()).as("sign-in answer").isEqualTo(302);
        String session = login.cookie(SESSION_COOKIE);
        assertThat(session).as("session cookie for " + username).isNotBlank();
        String version = login.cookie(SessionSeal.COOKIE);
        assertThat(version).as("session version cookie for " + username).isNotBlank();
        Response page = given().redirects().follow(false).cookie(SESSION_COOKIE, session)
                .cookie(SessionSeal.COOKIE, version).get("/console/login");
        String csrf = page.cookie(CsrfFilter.COOKIE);
        assertThat(csrf).as("CSRF cookie").isNotBlank();
        return new ConsoleSession(session, version, csrf);
    }

    /** Signed in, carrying the CSRF cookie, but not yet the token in the form. */
    public RequestSpecification bare() {
        return given().redirects().follow(false).cookie(SESSION_COOKIE, session).cookie(SessionSeal.COOKIE, version)
                .cookie(CsrfFilter.COOKIE, csrf);
    }

    /** A form post as the console's pages make it: with the token in the form. */
    public RequestSpecification form() {
        return bare().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam(CsrfFilter.FIELD, csrf);
    }

    public String session() {
        return session;
    }

    public String version() {
        return version;
    }

    public String csrf() {
        return csrf;
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
