package org.minhu.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns the {@code staff_user} table into security identities: a name and password from the
 * sign-in form or HTTP Basic, and a name from the signed session cookie (looked up again on each
 * request with the session version it was signed in at, {@link SessionSeal}: a deactivated account,
 * a new password or signing out ends every session at once).
 */
public final class StaffIdentities {

    public static final String UNIT = "unit";
    public static final String DISPLAY_NAME = "displayName";
    /** Present (true) on the identity of a unit's head. */
    public static final String UNIT_HEAD = "unitHead";

    private StaffIdentities() {
    }

    static SecurityIdentity of(StaffAccount account) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username()))
                .addRole(account.role().id())
                .addAttribute(DISPLAY_NAME, account.displayName());
        if (account.unit() != null) {
            builder.addAttribute(UNIT, account.unit());
        }
        if (account.unitHead()) {
            builder.addAttribute(UNIT_HEAD, Boolean.TRUE);
        }
        return builder.build();
    }

    private static SecurityIdentity orFail(Optional<StaffAccount> account) {
        return account.map(StaffIdentities::of).orElseThrow(AuthenticationFailedException::new);
    }

    @ApplicationScoped
    public static class ByPassword implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

        private final StaffDirectory directory;
        private final SessionSeal seal;

        public ByPassword(StaffDirectory directory, SessionSeal seal) {
            this.directory = directory;
            this.seal = seal;
        }

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                                  AuthenticationRequestContext context) {
            String password = new String(request.getPassword().getPassword());
            RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
            return context.runBlocking(() -> {
                SecurityIdentity identity = orFail(directory.authenticate(request.getUsername(), password));
                if (routing != null && routing.normalizedPath().endsWith("/j_security_check")) {
                    // a console sign-in: the session it starts carries the account's current version
                    String name = identity.getPrincipal().getName();
                    seal.set(routing, name, directory.sessionVersion(name));
                }
                return identity;
            });
        }
    }

    @ApplicationScoped
    public static class BySession implements IdentityProvider<TrustedAuthenticationRequest> {

        private final StaffDirectory directory;
        private final SessionSeal seal;
        private final String sessionCookie;

        public BySession(StaffDirectory directory, SessionSeal seal,
                         @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
            this.directory = directory;
            this.seal = seal;
            this.sessionCookie = sessionCookie;
        }

        @Override
        public Class<TrustedAuthenticationRequest> getRequestType() {
            return TrustedAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                                                  AuthenticationRequestContext context) {
            RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
            io.vertx.core.http.Cookie sealed = routing == null ? null : routing.request().getCookie(SessionSeal.COOKIE);
            OptionalInt version = sealed == null ? OptionalInt.empty() : seal.open(request.getPrincipal(), sealed.getValue());
            return context.runBlocking(() -> {
                Optional<StaffAccount> account = version.isPresent()
                        ? directory.activeSession(request.getPrincipal(), version.getAsInt()) : Optional.empty();
                if (account.isEmpty() && routing != null) {
                    // ended (signed out, new password, deactivated) or never sealed: forget both cookies,
                    // so that the sign-in page the browser is sent to does not meet them again
                    routing.response().addCookie(io.vertx.core.http.Cookie.cookie(sessionCookie, "").setPath("/").setMaxAge(0));
                    routing.response().addCookie(io.vertx.core.http.Cookie.cookie(SessionSeal.COOKIE, "").setPath("/").setMaxAge(0));
                }
                return orFail(account);
            });
        }
    }
}
