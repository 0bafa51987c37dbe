package org.minhu.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.minhu.common.ProblemException;
import org.minhu.knowledge.ReferenceDocuments;
import org.minhu.security.CsrfProtected;
import org.minhu.security.Role;
import org.minhu.security.StaffDirectory;
import org.minhu.security.StaffUser;
import org.minhu.cases.CaseTag;
import org.minhu.cases.CaseTags;

import java.net.URI;
import java.util.List;

/**
 * For admins: the console's accounts (create, deactivate, set a new password), the canned replies,
 * and the reference documents (categories, dispatch rules, knowledge base) as YAML texts, each
 * saved as a new version or taken back to the file shipped with the application.
 */
@Path("/console/admin")
@CsrfProtected
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class AdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin(List<StaffUser> users, List<CannedReply> canned, List<Role> roles,
                                             List<String> units, List<CaseTag> tags, List<ReferenceForm> references,
                                             String flash, String error);
    }

    /** A reference document's form: what is stored, and the text shown, which is the admin's own after a refusal. */
    public record ReferenceForm(ReferenceDocuments.Document document, String text, String error) {
    }

    private final StaffDirectory directory;
    private final CannedReplies cannedReplies;
    private final Replies replies;
    private final Labels labels;
    private final Viewer viewer;
    private final ReferenceDocuments references;
    private final People people;
    private final CaseTags tags;

    public AdminResource(StaffDirectory directory, CannedReplies cannedReplies, Replies replies, Labels labels,
                         Viewer viewer, ReferenceDocuments references, People people, CaseTags tags) {
        this.people = people;
        this.tags = tags;
        this.references = references;
        this.directory = directory;
        this.cannedReplies = cannedReplies;
        this.replies = replies;
        this.labels = labels;
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance page(@RestQuery boolean saved) {
        return render(saved ? "已保存" : null, null);
    }

    @POST
    @Path("/users")
    public Response createUser(@RestForm String username, @RestForm String password, @RestForm String role,
                               @RestForm String unit, @RestForm String displayName, @RestForm String phone,
                               @RestForm boolean unitHead) {
        return act(() -> {
            directory.create(username == null ? null : username.strip(), password,
                    Role.of(role).orElse(null), unit, displayName, phone, unitHead);
            // the new colleague can be assigned a case at once, not after People's next read
            people.refresh();
        });
    }

    @POST
    @Path("/users/{username}/active")
    public Response setActive(@PathParam("username") String username, @RestForm boolean active) {
        return act(() -> {
            if (username.equals(viewer.getUsername()) && !active) {
                throw ProblemException.conflict("不能停用自己的账号");
            }
            directory.setActive(username, active);
        });
    }

    @POST
    @Path("/users/{username}/password")
    public Response setPassword(@PathParam("username") String username, @RestForm String password) {
        return act(() -> directory.changePassword(username, password));
    }

    /** A new label (标签) staff can put on cases. */
    @POST
    @Path("/tags")
    public Response addTag(@RestForm String name, @RestForm String colour) {
        return act(() -> tags.create(name, colour));
    }

    /** A label's new name or colour; the cases it is on keep it. */
    @POST
    @Path("/tags/{id}")
    public Response changeTag(@PathParam("id") long id, @RestForm String name, @RestForm String colour) {
        return act(() -> tags.change(id, name, colour));
    }

    /** The label is gone, from every case too. */
    @POST
    @Path("/tags/{id}/delete")
    public Response removeTag(@PathParam("id") long id) {
        return act(() -> tags.remove(id));
    }

    @POST
    @Path("/canned")
    public Response addCanned(@RestForm String title, @RestForm String text, @RestForm String chips) {
        return act(() -> cannedReplies.add(title, text, chips));
    }

    @POST
    @Path("/canned/{id}/delete")
    public Response removeCanned(@PathParam("id") long id) {
        return act(() -> cannedReplies.remove(id));
    }

    @POST
    @Path("/reference/{name}")
    public Response saveReference(@PathParam("name") String name, @RestForm String text, @RestForm int version) {
        try {
            references.save(name, text, version, viewer.getUsername());
        } catch (ProblemException refused) {
            return refusedPage(refused, render(null, refused.problem().detail(), name, text));
        }
        return Response.seeOther(URI.create("/console/admin?saved=true#reference-" + name)).build();
    }

    /** An earlier version as plain text, to read or copy back into the form. */
    @GET
    @Path("/reference/{name}/versions/{version}")
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    public Response referenceVersion(@PathParam("name") String name, @PathParam("version") int version) {
        try {
            return Response.ok(references.text(name, version)).build();
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status()).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(refused.problem().detail()).build();
        }
    }

    @POST
    @Path("/reference/{name}/shipped")
    public Response restoreShippedReference(@PathParam("name") String name) {
        return act(() -> references.restoreShipped(name, viewer.getUsername()));
    }

    private Response act(Runnable change) {
        try {
            change.run();
        } catch (ProblemException refused) {
            return refusedPage(refused, render(null, refused.problem().detail()));
        }
        return Response.seeOther(URI.create("/console/admin?saved=true")).build();
    }

    private static Response refusedPage(ProblemException refused, TemplateInstance page) {
        return Response.status(refused.problem().status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page).build();
    }

    private TemplateInstance render(String flash, String error) {
        return render(flash, error, null, null);
    }

    /** @param refusedName the document whose text was refused, shown again as the admin typed it */
    private TemplateInstance render(String flash, String error, String refusedName, String refusedText) {
        List<String> units = labels.getUnits();
        List<ReferenceForm> forms = references.all().stream()
                .map(d -> d.name().equals(refusedName) ? new ReferenceForm(d, refusedText, error) : new ReferenceForm(d, d.text(), null))
                .toList();
        return Templates.admin(directory.all(), replies.canned(), List.of(Role.values()), units, tags.all(), forms, flash, error);
    }
}
