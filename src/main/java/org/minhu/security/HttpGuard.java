package org.minhu.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.minhu.common.ServiceConfig;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * What every request meets before anything else (before signing in is even looked at):
 * <ul>
 *   <li>a path with a matrix parameter ({@code /console/admin;x=1}) is refused at once with 400;</li>
 *   <li>the sign-in form ({@code POST /j_security_check}) must carry the CSRF token of the sign-in page
 *       (in its action's query, as the form itself is read by Quarkus), else 403;</li>
 *   <li>a redirect the service makes to itself is built from {@code minhu.public-url}, never from the
 *       request's {@code Host} header;</li>
 *   <li>with {@code minhu.security.secure-cookies} (on in {@code %prod}) the session, session-version and
 *       CSRF cookies are {@code Secure} even when TLS ends at a proxy in front.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpGuard {

    private static final Set<String> OUR_COOKIES = Set.of(CsrfFilter.COOKIE, SessionSeal.COOKIE);

    private final URI publicUrl;
    private final boolean secureCookies;
    private final String sessionCookie;

    public HttpGuard(ServiceConfig service, SecurityConfig config,
                     @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        String publicUrl = service.publicUrl();
        boolean secureCookies = config.secureCookies();
        this.publicUrl = URI.create(publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl);
        this.secureCookies = secureCookies;
        this.sessionCookie = sessionCookie;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::guard);
    }

    void guard(RoutingContext rc) {
        String raw = rc.request().uri();
        String path = raw.contains("?") ? raw.substring(0, raw.indexOf('?')) : raw;
        if (path.contains(";") || path.toLowerCase(java.util.Locale.ROOT).contains("%3b")) {
            rc.response().setStatusCode(400).putHeader("Content-Type", "text/plain; charset=UTF-8")
                    .putHeader("Connection", "close").end("路径中不能含有分号（矩阵参数）。 Matrix parameters are not accepted.");
            return;
        }
        if (rc.request().method() == HttpMethod.POST && path.endsWith("/j_security_check") && !signInTokenMatches(rc)) {
            rc.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=UTF-8")
                    .end("登录表单已失效，请刷新登录页后重试。 The sign-in form's CSRF token is missing or wrong; reload the page.");
            return;
        }
        String requestHost = rc.request().getHeader("Host");
        rc.addHeadersEndHandler(v -> {
            String location = rc.response().headers().get("Location");
            if (location != null) {
                rc.response().headers().set("Location", ownLocation(location, requestHost));
            }
            if (secureCookies) {
                for (Cookie c : rc.request().cookies()) {
                    if (OUR_COOKIES.contains(c.getName()) || c.getName().equals(sessionCookie)) {
                        c.setSecure(true);
                    }
                }
            }
        });
        rc.next();
    }

    private static boolean signInTokenMatches(RoutingContext rc) {
        Cookie cookie = rc.request().getCookie(CsrfFilter.COOKIE);
        String sent = rc.request().getParam(CsrfFilter.FIELD);
        return cookie != null && sent != null && cookie.getValue().length() == 43 && MessageDigest.isEqual(
                cookie.getValue().getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
    }

    /** An absolute redirect to the host the request named is made a redirect to the public URL; others stay as they are. */
    String ownLocation(String location, String requestHost) {
        URI target;
        try {
            target = URI.create(location);
        } catch (IllegalArgumentException e) {
            return location;
        }
        if (!target.isAbsolute() || target.getRawAuthority() == null || requestHost == null
                || !target.getRawAuthority().equalsIgnoreCase(requestHost)) {
            return location;
        }
        return publicUrl + (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }
}
