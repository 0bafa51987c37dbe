package org.minhu.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The session version a console sign-in was made at, in a cookie of its own ({@value #COOKIE})
 * beside Quarkus's session cookie, sealed with an HMAC under the session key so that it cannot be
 * made up. {@link StaffIdentities.BySession} compares it with the account's current version on
 * every request: raising the version ({@link StaffDirectory#endSessions}) ends every session.
 */
@ApplicationScoped
public class SessionSeal {

    public static final String COOKIE = "minhu-session-v";

    private final byte[] key;
    private final boolean secureCookies;

    public SessionSeal(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey,
                       SecurityConfig config) {
        boolean secureCookies = config.secureCookies();
        byte[] k = new byte[32];
        if (sessionKey.isPresent() && !sessionKey.get().isBlank()) {
            k = ("minhu-session-version:" + sessionKey.get()).getBytes(StandardCharsets.UTF_8);
        } else {
            new SecureRandom().nextBytes(k);
        }
        this.key = k;
        this.secureCookies = secureCookies;
    }

    public String seal(String username, int version) {
        return version + "." + mac(username + ":" + version);
    }

    /** The version a sealed value carries, if it was sealed for this user by us. */
    public OptionalInt open(String username, String value) {
        if (value == null || !value.matches("\\d{1,9}\\.[A-Za-z0-9_-]{43}")) {
            return OptionalInt.empty();
        }
        int version = Integer.parseInt(value.substring(0, value.indexOf('.')));
        boolean good = MessageDigest.isEqual(seal(username, version).getBytes(StandardCharsets.US_ASCII),
                value.getBytes(StandardCharsets.US_ASCII));
        return good ? OptionalInt.of(version) : OptionalInt.empty();
    }

    public void set(RoutingContext routing, String username, int version) {
        routing.response().addCookie(Cookie.cookie(COOKIE, seal(username, version)).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.LAX).setSecure(secureCookies || routing.request().isSSL()));
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
