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
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Turns the {@code staff_user} table into security identities: a name and password from the
 * sign-in form or HTTP Basic, and a name from the signed session cookie (looked up again on each
 * request, so a deactivated account stops working at once).
 */
public final class StaffIdentities {

    public static final String UNIT = "unit";
    public static final String DISPLAY_NAME = "displayName";

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
        return builder.build();
    }

    private static SecurityIdentity orFail(Optional<StaffAccount> account) {
        return account.map(StaffIdentities::of).orElseThrow(AuthenticationFailedException::new);
    }

    @ApplicationScoped
    public static class ByPassword implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

        private final StaffDirectory directory;

        public ByPassword(StaffDirectory directory) {
            this.directory = directory;
        }

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                                  AuthenticationRequestContext context) {
            String password = new String(request.getPassword().getPassword());
            return context.runBlocking(() -> orFail(directory.authenticate(request.getUsername(), password)));
        }
    }

    @ApplicationScoped
    public static class BySession implements IdentityProvider<TrustedAuthenticationRequest> {

        private final StaffDirectory directory;

        public BySession(StaffDirectory directory) {
            this.directory = directory;
        }

        @Override
        public Class<TrustedAuthenticationRequest> getRequestType() {
            return TrustedAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                                                  AuthenticationRequestContext context) {
            return context.runBlocking(() -> orFail(directory.active(request.getPrincipal())));
        }
    }
}
