package org.minhu.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.minhu.cases.CaseTag;
import org.minhu.cases.CaseTags;
import org.minhu.common.ProblemException;
import org.minhu.console.ReferenceDocuments;
import org.minhu.security.CsrfProtected;
import org.minhu.security.Role;
import org.minhu.security.StaffDirectory;
import org.minhu.security.StaffUser;

import java.net.URI;
import java.util.List;

/**
 * For admins: the console's accounts (create, deactivate, set a new password), the canned replies,
 * and the reference documents (categories, dispatch rules, knowledge base, gazetteer, unit hierarchy,
 * working hours), each on its
 * own page as a form ({@link ReferenceForms}) and as its YAML text, saved as a new version, taken
 * back to an earlier version or to the file shipped with the application.
 */
@Path("/console/admin")
@CsrfProtected
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class AdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin(List<StaffUser> users, List<CannedReply> canned, List<Role> roles,
                                             List<String> units, List<CaseTag> tags, List<ReferenceDocuments.Document> references,
                                             String flash, String error);

        static native TemplateInstance reference(ReferenceDocuments.Document document,
                                                 List<ReferenceDocuments.Document> documents, String view,
                                                 ReferenceForms.Form form, String text, String flash, String error);
    }

    /** The two views of a reference document: the form, and the YAML text for power users. */
    static final String FORM = "form";
    static final String YAML = "yaml";

    private final StaffDirectory directory;
    private final CannedReplies cannedReplies;
    private final Replies replies;
    private final Labels labels;
    private final Viewer viewer;
    private final ReferenceDocuments references;
    private final ReferenceForms forms;
    private final People people;
    private final CaseTags tags;

    public AdminResource(StaffDirectory directory, CannedReplies cannedReplies, Replies replies, Labels labels,
                         Viewer viewer, ReferenceDocuments references, ReferenceForms forms, People people, CaseTags tags) {
        this.people = people;
        this.tags = tags;
        this.references = references;
        this.forms = forms;
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

    /** The number deadline reminders are texted to, and whether the person heads their unit (told of its escalations). */
    @POST
    @Path("/users/{username}/contact")
    public Response setContact(@PathParam("username") String username, @RestForm String phone,
                               @RestForm boolean unitHead) {
        return act(() -> directory.setContact(username, phone, unitHead));
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

    /** A reference document: its form (or, for a document without one, its YAML), its versions. */
    @GET
    @Path("/reference/{name}")
    public TemplateInstance reference(@PathParam("name") String name, @RestQuery String view, @RestQuery boolean saved) {
        ReferenceDocuments.Document document = references.current(name);
        return referencePage(document, view, null, null, saved ? "已保存为第 " + document.version() + " 版，已生效" : null, null);
    }

    /** The YAML view's text, saved as a new version when it passes the checks. */
    @POST
    @Path("/reference/{name}")
    public Response saveReference(@PathParam("name") String name, @RestForm String text, @RestForm int version) {
        try {
            references.save(name, text, version, viewer.getUsername());
        } catch (ProblemException refused) {
            return refusedPage(refused, referencePage(references.current(name), YAML, null, text, null,
                    refused.problem().detail()));
        }
        return savedPage(name, YAML);
    }

    /**
     * The form, made into the document's YAML and saved as the YAML view's text would be; a refusal
     * shows the form again as the admin filled it in, naming the row and field.
     */
    @POST
    @Path("/reference/{name}/form")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response saveReferenceForm(@PathParam("name") String name, @RestForm int version,
                                      @RestForm List<String> at, @RestForm List<String> cell,
                                      @RestForm List<String> pick) {
        ReferenceDocuments.Document document = references.current(name);
        ReferenceForms.Typed typed = forms.typed(name, at, cell, pick);
        try {
            String yaml = forms.yaml(name, references.text(name, version), typed);
            references.save(name, yaml, version, viewer.getUsername(), path -> forms.place(name, path, typed));
        } catch (ProblemException refused) {
            return refusedPage(refused, referencePage(document, FORM, typed, null, null, refused.problem().detail()));
        }
        return savedPage(name, FORM);
    }

    /** Back to an earlier version, saved again as the newest. */
    @POST
    @Path("/reference/{name}/versions/{version}/restore")
    public Response restoreReference(@PathParam("name") String name, @PathParam("version") int version) {
        try {
            references.restore(name, version, viewer.getUsername());
        } catch (ProblemException refused) {
            return refusedPage(refused, referencePage(references.current(name), null, null, null, null,
                    refused.problem().detail()));
        }
        return savedPage(name, null);
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
        try {
            references.restoreShipped(name, viewer.getUsername());
        } catch (ProblemException refused) {
            return refusedPage(refused, referencePage(references.current(name), null, null, null, null,
                    refused.problem().detail()));
        }
        return savedPage(name, null);
    }

    private static Response savedPage(String name, String view) {
        return Response.seeOther(URI.create("/console/admin/reference/" + name + "?saved=true"
                + (view == null ? "" : "&view=" + view))).build();
    }

    /**
     * @param typed the form as the admin filled it in, or null for the stored version's
     * @param text  the YAML as the admin typed it, or null for the stored version's
     */
    private TemplateInstance referencePage(ReferenceDocuments.Document document, String view, ReferenceForms.Typed typed,
                                           String text, String flash, String error) {
        boolean hasForm = forms.has(document.name());
        String shown = hasForm && !YAML.equals(view) ? FORM : YAML;
        ReferenceForms.Form form = hasForm ? forms.form(document.name(),
                typed != null ? typed : forms.typed(document.name(), document.text())) : null;
        return Templates.reference(document, references.all(), shown, form, text != null ? text : document.text(),
                flash, error);
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
        return Templates.admin(directory.all(), replies.canned(), List.of(Role.values()), labels.getUnits(),
                tags.all(), references.all(), flash, error);
    }
}
