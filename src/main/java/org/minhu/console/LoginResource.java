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

    public LoginResource(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie,
                         @ConfigProperty(name = "minhu.security.sign-in.max-failures", defaultValue = "5") int maxFailures,
                         @ConfigProperty(name = "minhu.security.sign-in.lock", defaultValue = "15m") Duration lock) {
        this.sessionCookie = sessionCookie;
        this.maxFailures = maxFailures;
        this.lock = lock;
    }

    @GET
    @Path("/login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@RestQuery boolean error) {
        return Templates.login(error, maxFailures, Math.max(1, lock.toMinutes()));
    }

    /** Form auth keeps no server session: signing out is forgetting the cookie. */
    @POST
    @Path("/logout")
    public Response logout(RoutingContext routing) {
        routing.response().addCookie(Cookie.cookie(sessionCookie, "").setPath("/").setMaxAge(0).setHttpOnly(true));
        return Response.seeOther(URI.create("/console/login")).build();
    }
}
