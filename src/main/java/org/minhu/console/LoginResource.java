package org.minhu.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestQuery;
import org.minhu.security.CsrfProtected;
import org.minhu.security.SecurityConfig;
import org.minhu.security.SessionSeal;
import org.minhu.security.StaffDirectory;

import java.net.URI;
import java.time.Duration;

/** The sign-in page (the form posts to Quarkus's {@code /j_security_check}) and signing out. */
@Path("/console")
@CsrfProtected
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error, int maxFailures, long lockMinutes);
    }

    private final String sessionCookie;
    private final int maxFailures;
    private final Duration lock;

    @jakarta.inject.Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @jakarta.inject.Inject
    StaffDirectory directory;

    public LoginResource(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie,
                         SecurityConfig config) {
        this.sessionCookie = sessionCookie;
        this.maxFailures = config.signIn().maxFailures();
        this.lock = config.signIn().lock();
    }

    @GET
    @Path("/login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@RestQuery boolean error) {
        return Templates.login(error, maxFailures, Math.max(1, lock.toMinutes()));
    }

    /**
     * Signing out ends the account's sessions on the server (its session version is raised), so a
     * copy of the cookie kept elsewhere no longer works either, and the browser forgets the cookies.
     */
    @POST
    @Path("/logout")
    public Response logout(RoutingContext routing) {
        if (!identity.isAnonymous()) {
            directory.endSessions(identity.getPrincipal().getName());
        }
        routing.response().addCookie(Cookie.cookie(sessionCookie, "").setPath("/").setMaxAge(0).setHttpOnly(true));
        routing.response().addCookie(Cookie.cookie(SessionSeal.COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true));
        return Response.seeOther(URI.create("/console/login")).build();
    }
}
