package org.minhu.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.minhu.common.ProblemException;
import org.minhu.conversation.Handoff;
import org.minhu.security.CsrfProtected;

import java.net.URI;
import java.util.List;

/**
 * Live chat with residents who asked for a person: the queue, one conversation with its send
 * box, taking it, and handing it back to the bot. For operators and supervisors; handlers work
 * cases, not the front desk.
 */
@Path("/console/chats")
@CsrfProtected
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ChatResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<Chats.Waiting> waiting);

        static native TemplateInstance queue$list(List<Chats.Waiting> waiting);

        static native TemplateInstance chat(Handoff h, Chats.Waiting waiting, List<Conversation.Entry> conversation,
                                            List<CannedReply> canned, String error, String flash, String latestWords,
                                            List<org.minhu.security.StaffUser> colleagues, String filed);

        static native TemplateInstance count(long waiting);

        static native TemplateInstance chat$messages(Handoff h, List<Conversation.Entry> conversation);
    }

    private final Chats chats;
    private final Conversation conversation;
    private final Replies replies;
    private final Viewer viewer;
    private final People people;

    public ChatResource(Chats chats, Conversation conversation, Replies replies, Viewer viewer, People people) {
        this.chats = chats;
        this.conversation = conversation;
        this.replies = replies;
        this.viewer = viewer;
        this.people = people;
    }

    @GET
    public TemplateInstance queue() {
        requireChatting();
        return Templates.queue(chats.open());
    }

    @GET
    @Path("/list")
    public TemplateInstance list() {
        requireChatting();
        return Templates.queue$list(chats.open());
    }

    @GET
    @Path("/{id}")
    public TemplateInstance chat(@PathParam("id") long id, @org.jboss.resteasy.reactive.RestQuery String done,
                                 @org.jboss.resteasy.reactive.RestQuery String filed) {
        requireChatting();
        String flash = done == null ? null : switch (done) {
            case "pass" -> "已转给同事，居民已收到转接提示";
            case "file" -> "已转为诉求，居民已收到受理回执";
            default -> null;
        };
        return render(chats.find(id), null, flash, filed);
    }

    /** The residents waiting for a person that nobody has taken: the count in the navigation. */
    @GET
    @Path("/count")
    public TemplateInstance count() {
        return Templates.count(viewer.isChatting() ? chats.waiting() : 0);
    }

    @POST
    @Path("/{id}/pass")
    public Response pass(@PathParam("id") long id, @RestForm String to) {
        requireChatting();
        try {
            chats.pass(id, viewer.getUsername(), to);
        } catch (ProblemException refused) {
            return refused(id, refused);
        }
        return Response.seeOther(URI.create("/console/chats/" + id + "?done=pass")).build();
    }

    /** 转为诉求: a case for the resident from what they said in the chat. */
    @POST
    @Path("/{id}/case")
    public Response fileCase(@PathParam("id") long id, @RestForm String category, @RestForm String description,
                             @RestForm String address) {
        requireChatting();
        org.minhu.cases.ServiceCase filed;
        try {
            filed = chats.fileCase(id, viewer.getUsername(), category, description, address);
        } catch (ProblemException refused) {
            return refused(id, refused);
        }
        return Response.seeOther(URI.create("/console/chats/" + id + "?done=file&filed=" + filed.getNumber())).build();
    }

    private Response refused(long id, ProblemException refused) {
        return Response.status(refused.problem().status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(render(chats.find(id), Refusals.message(refused), null, null)).build();
    }

    @GET
    @Path("/{id}/messages")
    public TemplateInstance messages(@PathParam("id") long id) {
        requireChatting();
        Handoff h = chats.find(id);
        return Templates.chat$messages(h, conversation.of(h.getPhone()));
    }

    @POST
    @Path("/{id}/take")
    public Response take(@PathParam("id") long id) {
        requireChatting();
        chats.take(id, viewer.getUsername());
        return back(id);
    }

    @POST
    @Path("/{id}/send")
    public Response send(@PathParam("id") long id, @RestForm String text, @RestForm String title, @RestForm String chips) {
        requireChatting();
        Handoff h = chats.find(id);
        try {
            if (h.getClosedAt() != null) {
                throw ProblemException.conflict("这段会话已结束，居民已回到智能助手");
            }
            chats.take(id, viewer.getUsername());
            replies.send(h.getPhone(), null, viewer.getUsername(), Replies.compose(text, title, chips));
        } catch (ProblemException refused) {
            return refused(id, refused);
        }
        return back(id);
    }

    @POST
    @Path("/{id}/hand-back")
    public Response handBack(@PathParam("id") long id) {
        requireChatting();
        chats.handBack(id);
        return Response.seeOther(URI.create("/console/chats")).build();
    }

    private TemplateInstance render(Handoff h, String error, String flash, String filed) {
        return Templates.chat(h, new Chats.Waiting(h, chats.latestCase(h.getPhone())), conversation.of(h.getPhone()),
                replies.canned(), error, flash, chats.latestWords(h.getPhone()),
                people.chatting().stream().filter(u -> !u.getUsername().equals(viewer.getUsername())).toList(), filed);
    }

    private static Response back(long id) {
        return Response.seeOther(URI.create("/console/chats/" + id)).build();
    }

    private void requireChatting() {
        if (!viewer.isChatting()) {
            throw new jakarta.ws.rs.ForbiddenException("live chat is for operators and supervisors");
        }
    }
}
