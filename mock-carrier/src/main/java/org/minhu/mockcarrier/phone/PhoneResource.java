package org.minhu.mockcarrier.phone;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.smallrye.mutiny.Uni;

import org.minhu.mockcarrier.platform.FixedMenu;
import org.minhu.mockcarrier.push.PushClient;
import org.minhu.mockcarrier.push.PushResult;
import org.minhu.mockcarrier.sim.SimException;
import org.minhu.mockcarrier.wire.TelUri;

/**
 * Scripting API for the simulated phones: act as a resident, read what the phone shows, and
 * wait for the chatbot's next message. {@code {phone}} is a tel URI or a bare number.
 */
@Path("/sim/phones")
@Produces(MediaType.APPLICATION_JSON)
public class PhoneResource {

    static final long MAX_WAIT_MS = 60_000;

    private final Phones phones;
    private final Resident resident;
    private final FixedMenu menu;
    private final PushClient pushes;

    public PhoneResource(Phones phones, Resident resident, FixedMenu menu, PushClient pushes) {
        this.phones = phones;
        this.resident = resident;
        this.menu = menu;
        this.pushes = pushes;
    }

    @GET
    public List<Phone.Stats> all() {
        return phones.all();
    }

    @GET
    @Path("{phone}/transcript")
    public List<TranscriptEntry> transcript(@PathParam("phone") String phone) {
        return phone(phone).transcript();
    }

    /** Long-polls for the first chatbot message with a seq above {@code after}; 408 when none comes in time. */
    @GET
    @Path("{phone}/next")
    public Uni<Response> next(@PathParam("phone") String phone, @QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("timeoutMs") @DefaultValue("5000") long timeoutMs) {
        long wait = Math.max(0, Math.min(timeoutMs, MAX_WAIT_MS));
        return Uni.createFrom()
                .completionStage(phone(phone).nextFromBot(after).orTimeout(wait, TimeUnit.MILLISECONDS))
                .map(entry -> Response.ok(entry).build())
                .onFailure(PhoneResource::isTimeout)
                .recoverWithItem(() -> Response.status(408)
                        .entity(Map.of("error", "no chatbot message after seq " + after + " within " + wait + " ms"))
                        .build());
    }

    @DELETE
    @Path("{phone}")
    public Response clear(@PathParam("phone") String phone) {
        phone(phone).clear();
        return Response.noContent().build();
    }

    @GET
    @Path("{phone}/mode")
    public Mode mode(@PathParam("phone") String phone) {
        Phone found = phone(phone);
        return new Mode(found.tel(), found.smsOnly());
    }

    @PUT
    @Path("{phone}/mode")
    @Consumes(MediaType.APPLICATION_JSON)
    public Mode setMode(@PathParam("phone") String phone, ModeRequest request) {
        if (request == null || request.smsOnly() == null) {
            throw SimException.badRequest("body must be {\"smsOnly\": true|false}");
        }
        Phone found = phone(phone);
        found.smsOnly(request.smsOnly());
        return new Mode(found.tel(), found.smsOnly());
    }

    @POST
    @Path("{phone}/text")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SentView> text(@PathParam("phone") String phone, TextRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw SimException.badRequest("body must be {\"text\": \"...\"} with some text");
        }
        return sent(resident.text(phone(phone), request.text()));
    }

    @POST
    @Path("{phone}/tap")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SentView> tap(@PathParam("phone") String phone, TapRequest request) {
        if (request == null || (request.text() == null && request.postback() == null)) {
            throw SimException.badRequest("body must name the chip: {\"text\": \"<displayText>\"} or"
                    + " {\"postback\": \"<data>\"}");
        }
        Phone found = phone(phone);
        boolean menuOnly = Boolean.TRUE.equals(request.menu());
        Optional<Phone.Tappable> inMessage = menuOnly ? Optional.empty()
                : found.findChip(request.text(), request.postback(), request.seq());
        if (inMessage.isPresent()) {
            return sent(resident.tap(found, inMessage.get().chip(), inMessage.get().entry()));
        }
        Chip inMenu = request.seq() != null ? null
                : menu.chips().stream()
                        .filter(chip -> (request.text() == null || request.text().equals(chip.displayText()))
                                && (request.postback() == null || request.postback().equals(chip.postback())))
                        .findFirst()
                        .orElse(null);
        if (inMenu == null) {
            throw SimException.notFound("no chip " + describe(request) + (menuOnly ? " in the fixed menu"
                    : " in any chatbot message on " + found.tel()
                            + (request.seq() == null ? " or in the fixed menu" : " with seq " + request.seq())));
        }
        return sent(resident.tap(found, inMenu, null));
    }

    @POST
    @Path("{phone}/location")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SentView> location(@PathParam("phone") String phone, LocationRequest request) {
        if (request == null || request.latitude() == null || request.longitude() == null) {
            throw SimException.badRequest("body must be {\"latitude\": ..., \"longitude\": ..., \"label\": \"...\"}");
        }
        if (Math.abs(request.latitude()) > 90 || Math.abs(request.longitude()) > 180) {
            throw SimException.badRequest("latitude must be within ±90 and longitude within ±180");
        }
        return sent(resident.location(phone(phone), request.latitude(), request.longitude(), request.label()));
    }

    @POST
    @Path("{phone}/file")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SentView> file(@PathParam("phone") String phone, FileRequest request) {
        if (request == null || blank(request.fileName()) || blank(request.contentType()) || blank(request.base64())) {
            throw SimException.badRequest("body must be {\"fileName\": ..., \"contentType\": ..., \"base64\": ...}");
        }
        byte[] bytes;
        try {
            String base64 = request.base64();
            int comma = base64.startsWith("data:") ? base64.indexOf(',') : -1;
            bytes = Base64.getMimeDecoder().decode(comma < 0 ? base64 : base64.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw SimException.badRequest("base64 is not valid base64");
        }
        return sent(resident.file(phone(phone), request.fileName(), request.contentType(), bytes));
    }

    /** Pushes the body exactly as given, signed and once, and shows how the chatbot answered. */
    @POST
    @Path("{phone}/raw")
    public Uni<RawView> raw(@PathParam("phone") String phone, String body) {
        phone(phone);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return Uni.createFrom().completionStage(pushes.pushMessageOnce(bytes))
                .map(result -> new RawView(result.status(), result.body(), result.error()));
    }

    private Phone phone(String raw) {
        return TelUri.normalize(raw).map(phones::get)
                .orElseThrow(() -> SimException.badRequest("'" + raw + "' is not a phone number; use a tel URI"
                        + " such as tel:+8613800138000 or a number such as 13800138000"));
    }

    private static Uni<SentView> sent(CompletableFuture<Resident.Sent> sending) {
        return Uni.createFrom().completionStage(sending).map(sent -> {
            PushResult result = sent.result();
            return new SentView(sent.messageId(), sent.seq(), result.status(), result.attempts(), result.error());
        });
    }

    private static boolean isTimeout(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause instanceof TimeoutException;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String describe(TapRequest request) {
        return (request.text() != null ? "'" + request.text() + "'" : "")
                + (request.text() != null && request.postback() != null ? " " : "")
                + (request.postback() != null ? "with postback '" + request.postback() + "'" : "");
    }

    public record TextRequest(String text) {
    }

    /**
     * @param seq only look in this transcript entry; by default the newest message with the chip,
     *        then the fixed menu
     * @param menu only look in the fixed menu
     */
    public record TapRequest(String text, String postback, Long seq, Boolean menu) {
    }

    public record LocationRequest(Double latitude, Double longitude, String label) {
    }

    public record FileRequest(String fileName, String contentType, String base64) {
    }

    public record ModeRequest(Boolean smsOnly) {
    }

    public record Mode(String phone, boolean smsOnly) {
    }

    /** @param status the chatbot's final HTTP status for the push; 0 when it could not be reached */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SentView(String messageId, long seq, int status, int attempts, String error) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RawView(int status, String body, String error) {
    }
}
