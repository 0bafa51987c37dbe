package org.minhu.console;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.minhu.cases.Staff;

import java.time.Duration;

/**
 * Server-sent events for the console's pages: each signal names what to fetch again ("cases",
 * "chats", "conversation-&lt;resident&gt;", "notifications"); a change to cases is heard only by
 * those the permission table ({@link org.minhu.cases.CasePermissions}) lets read one of them, and
 * each person hears only of their own notifications. A
 * comment every 20 s keeps proxies from closing a quiet stream.
 */
@Path("/console/events")
public class EventsResource {

    private final LiveEvents live;
    private final Viewer viewer;

    public EventsResource(LiveEvents live, Viewer viewer) {
        this.live = live;
        this.viewer = viewer;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events(@Context Sse sse) {
        Staff who = viewer.staff();
        Multi<OutboundSseEvent> signals = live.stream()
                .filter(s -> s.visibleTo(who))
                .map(s -> sse.newEventBuilder().name(s.name()).data("1").build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(Duration.ofSeconds(20))
                .map(t -> sse.newEventBuilder().comment("keep-alive").build());
        // the writer asks for one event at a time: signals raised together (a page's first look sends
        // "cases" and "chats" at once) wait their turn instead of being dropped, which left a page's
        // chat count stale until the next change; a page that stops reading for 256 signals is closed
        // and its browser connects again
        return Multi.createBy().merging().streams(signals, keepAlive).onOverflow().buffer(256);
    }
}
