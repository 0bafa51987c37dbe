package org.minhu.mockcarrier.sim;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.smallrye.mutiny.Uni;

import org.minhu.mockcarrier.config.MockConfig;
import org.minhu.mockcarrier.config.SelfUrl;
import org.minhu.mockcarrier.faults.Faults;
import org.minhu.mockcarrier.media.MediaStore;
import org.minhu.mockcarrier.phone.Phones;
import org.minhu.mockcarrier.platform.AccessTokens;
import org.minhu.mockcarrier.platform.FixedMenu;
import org.minhu.mockcarrier.platform.Outbox;
import org.minhu.mockcarrier.push.NotifyTarget;
import org.minhu.mockcarrier.push.PushClient;
import org.minhu.mockcarrier.stats.Stats;

/** Scripting API for the platform as a whole: menu, URL check, where pushes go, tokens, reset. */
@Path("/sim")
@Produces(MediaType.APPLICATION_JSON)
public class SimResource {

    private final MockConfig config;
    private final FixedMenu menu;
    private final PushClient pushes;
    private final NotifyTarget target;
    private final AccessTokens tokens;
    private final Phones phones;
    private final Outbox outbox;
    private final MediaStore media;
    private final Faults faults;
    private final Stats stats;
    private final SelfUrl selfUrl;

    public SimResource(MockConfig config, FixedMenu menu, PushClient pushes, NotifyTarget target,
            AccessTokens tokens, Phones phones, Outbox outbox, MediaStore media, Faults faults, Stats stats,
            SelfUrl selfUrl) {
        this.config = config;
        this.menu = menu;
        this.pushes = pushes;
        this.target = target;
        this.tokens = tokens;
        this.phones = phones;
        this.outbox = outbox;
        this.media = media;
        this.faults = faults;
        this.stats = stats;
        this.selfUrl = selfUrl;
    }

    /** Who the mock plays and where it pushes, for the simulator page and for a quick look. */
    @GET
    @Path("info")
    public Info info() {
        return new Info(config.chatbotUri(), config.appId(), target.notifyUrl(), selfUrl.base());
    }

    /** The fixed menu as the chatbot last set it; 204 when it has set none. */
    @GET
    @Path("menu")
    public Response menu() {
        return menu.current().map(body -> Response.ok(body).build()).orElseGet(() -> Response.noContent().build());
    }

    @DELETE
    @Path("menu")
    public Response clearMenu() {
        menu.clear();
        return Response.noContent().build();
    }

    /** Performs the platform's notifyPath check against the chatbot and reports what it answered. */
    @POST
    @Path("url-check")
    public Uni<UrlCheck> urlCheck() {
        String echoStr = UUID.randomUUID().toString();
        return Uni.createFrom().completionStage(pushes.checkUrl(echoStr)).map(result -> {
            String echoed = result.headers() == null ? null : result.headers().firstValue("echoStr").orElse(null);
            String appId = result.headers() == null ? null : result.headers().firstValue("appId").orElse(null);
            boolean passed = result.status() == 200 && echoStr.equals(echoed) && config.appId().equals(appId);
            return new UrlCheck(target.urlCheckUrl(), result.status(), passed, echoStr, echoed,
                    echoStr.equals(echoed), appId, config.appId().equals(appId), result.error());
        });
    }

    @GET
    @Path("notify-url")
    public Map<String, String> notifyUrl() {
        return Map.of("notifyUrl", target.notifyUrl());
    }

    /** Points pushes at another chatbot until reset; {@code mock.notify-url} is where they start. */
    @PUT
    @Path("notify-url")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> setNotifyUrl(Map<String, String> request) {
        String url = request == null ? null : request.get("notifyUrl");
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw SimException.badRequest("body must be {\"notifyUrl\": \"http://...\"}");
        }
        try {
            URI.create(url);
        } catch (IllegalArgumentException e) {
            throw SimException.badRequest("notifyUrl is not a valid URL");
        }
        target.set(url);
        return notifyUrl();
    }

    @DELETE
    @Path("notify-url")
    public Map<String, String> resetNotifyUrl() {
        target.reset();
        return notifyUrl();
    }

    /** Expires the current access token now, so the chatbot's next call meets error 42001. */
    @POST
    @Path("token/expire")
    public Response expireToken() {
        if (!tokens.expireNow()) {
            throw SimException.notFound("no access token has been issued yet");
        }
        return Response.noContent().build();
    }

    /**
     * Forgets everything the chatbot and residents did: phones, accepted messages, files, menu,
     * faults and counters. The access token and the notify URL stay as they are.
     */
    @POST
    @Path("reset")
    public Response reset() {
        phones.clear();
        outbox.clear();
        media.clear();
        menu.clear();
        faults.reset();
        stats.reset();
        return Response.noContent().build();
    }

    public record Info(String chatbotUri, String appId, String notifyUrl, String publicUrl) {
    }

    /**
     * @param passed the chatbot answered 200 with the same echoStr and the configured appId
     * @param error why the chatbot could not be reached, else absent
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UrlCheck(String url, int status, boolean passed, String echoStr, String echoStrReturned,
            boolean echoStrMatches, String appId, boolean appIdMatches, String error) {
    }
}
