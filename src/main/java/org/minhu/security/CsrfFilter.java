package org.minhu.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Double-submit CSRF protection for the console: the browser holds a random token in a
 * SameSite=Strict, HttpOnly cookie, the page repeats it in each form ({@value #FIELD}) and in
 * htmx's {@value #HEADER} header, and a state-changing request whose copy does not match the
 * cookie is refused with 403 before it reaches the resource. Another site can make the browser
 * send the cookie, but cannot read it to repeat it. Both filters are bound by name (on the methods,
 * where Quarkus REST reads it) to {@link CsrfProtected} resources only.
 */
public class CsrfFilter {

    public static final String COOKIE = "minhu-csrf";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final CsrfToken token;

    public CsrfFilter(CsrfToken token) {
        this.token = token;
    }

    @CsrfProtected
    @WithFormRead
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 1)
    public Response check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        Cookie cookie = routing.request().getCookie(COOKIE);
        String expected = cookie == null || !wellFormed(cookie.getValue()) ? null : cookie.getValue();
        if (expected != null) {
            token.fromCookie(expected);
        } else {
            // issued now, before the page is rendered, so that the response filter sets the cookie
            token.getToken();
        }
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        String sent = request.getHeaderString(HEADER);
        if (sent == null) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(FIELD, true, false);
            sent = field == null ? null : field.toString();
        }
        if (expected == null || sent == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII))) {
            return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("表单已失效（缺少或不符的 CSRF 令牌），请刷新页面后重试。 The form's CSRF token is missing or wrong; reload the page.")
                    .build();
        }
        return null;
    }

    @CsrfProtected
    @ServerResponseFilter
    public void issue(RoutingContext routing) {
        if (token.issued()) {
            routing.response().addCookie(Cookie.cookie(COOKIE, token.getToken())
                    .setPath("/")
                    .setHttpOnly(true)
                    .setSecure(routing.request().isSSL())
                    .setSameSite(CookieSameSite.STRICT));
        }
    }

    private static boolean wellFormed(String value) {
        return value != null && value.matches("[A-Za-z0-9_-]{43}");
    }
}
