package org.minhu.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * This request's CSRF token, for the pages to put in their forms ({@code {inject:csrf.token}})
 * and in htmx's request headers. It is the value of the browser's CSRF cookie, or a new one that
 * the response sets as that cookie.
 */
@RequestScoped
@Named("csrf")
public class CsrfToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private String token;
    private boolean issued;

    /** The token; a fresh one if none was read from the cookie. */
    public String getToken() {
        if (token == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            issued = true;
        }
        return token;
    }

    /** The form field name, so the pages and the filter agree on it. */
    public String getField() {
        return CsrfFilter.FIELD;
    }

    void fromCookie(String value) {
        this.token = value;
        this.issued = false;
    }

    boolean issued() {
        return issued;
    }
}
