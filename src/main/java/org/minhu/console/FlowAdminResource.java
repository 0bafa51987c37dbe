package org.minhu.console;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.minhu.conversation.FlowRegistry;
import org.minhu.conversation.flows.FlowEditor;
import org.minhu.conversation.flows.FlowTestNumber;
import org.minhu.flow.FlowSet;
import org.minhu.security.CsrfProtected;
import org.minhu.security.Role;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For admins: the conversation flows edited in the console. The list with the test numbers; per
 * flow the steps with their texts in 中文 and English side by side, the YAML, the graph, the
 * preview phone, publishing and going back to an earlier version or the shipped file.
 */
@Path("/console/admin/flows")
@CsrfProtected
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
public class FlowAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance flows(List<FlowEditor.Summary> flows, List<FlowTestNumber> numbers, String flash,
                                             String error);

        static native TemplateInstance flow(FlowEditor.Edited flow, String text, FlowEditorView view, String flash,
                                            String error);

        static native TemplateInstance preview(FlowPreview.Turn turn);
    }

    private final FlowEditor editor;
    private final FlowPreview preview;
    private final FlowRegistry registry;
    private final Viewer viewer;
    private final ObjectMapper json;

    public FlowAdminResource(FlowEditor editor, FlowPreview preview, FlowRegistry registry, Viewer viewer, ObjectMapper json) {
        this.editor = editor;
        this.preview = preview;
        this.registry = registry;
        this.viewer = viewer;
        this.json = json;
    }

    @GET
    public TemplateInstance list(@RestQuery String done) {
        return Templates.flows(editor.all(), editor.testNumbers(), flash(done), null);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance flow(@PathParam("id") String id, @RestQuery String done) {
        FlowEditor.Edited edited = editor.edited(id);
        return page(edited, edited.text(), flash(done), null);
    }

    /** The YAML view: the whole text, checked and kept as the draft. */
    @POST
    @Path("/{id}/draft")
    public Response saveDraft(@PathParam("id") String id, @RestForm String text) {
        return saveChecked(id, text);
    }

    /** The steps view: the texts of every step in every language, laid into the draft's messages section. */
    @POST
    @Path("/{id}/texts")
    public Response saveTexts(@PathParam("id") String id, @RestForm String text, @RestForm List<String> key,
                              @RestForm List<String> lang, @RestForm List<String> value) {
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        editor.languages().forEach(l -> texts.put(l, new LinkedHashMap<>()));
        for (int i = 0; i < Math.min(key.size(), Math.min(lang.size(), value.size())); i++) {
            String typed = value.get(i) == null ? "" : value.get(i).strip();
            if (!typed.isEmpty()) {
                texts.computeIfAbsent(lang.get(i), l -> new LinkedHashMap<>()).put(key.get(i), typed);
            }
        }
        return saveChecked(id, editor.withTexts(id, text, texts));
    }

    @POST
    @Path("/{id}/publish")
    public Response publish(@PathParam("id") String id, @RestForm String note) {
        return act(id, () -> "published:" + editor.publish(id, note, viewer.getUsername()));
    }

    @POST
    @Path("/{id}/discard")
    public Response discard(@PathParam("id") String id) {
        return act(id, () -> {
            editor.discardDraft(id);
            return "discarded";
        });
    }

    @POST
    @Path("/{id}/versions/{version}/restore")
    public Response restore(@PathParam("id") String id, @PathParam("version") int version) {
        return act(id, () -> "restored:" + editor.restore(id, version, viewer.getUsername()) + ":" + version);
    }

    @POST
    @Path("/{id}/shipped")
    public Response restoreShipped(@PathParam("id") String id) {
        return act(id, () -> "shipped:" + editor.restoreShipped(id, viewer.getUsername()));
    }

    /** An earlier version as plain text, to read or copy back into the editor. */
    @GET
    @Path("/{id}/versions/{version}")
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    public Response version(@PathParam("id") String id, @PathParam("version") int version) {
        try {
            return Response.ok(editor.text(id, version)).build();
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status()).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(refused.problem().detail()).build();
        }
    }

    /** One step of the preview phone, with the text in the editor (saved or not) and a throw-away state. */
    @POST
    @Path("/{id}/preview")
    public TemplateInstance preview(@PathParam("id") String id, @RestForm String text, @RestForm String state,
                                    @RestForm String input, @RestForm String postback, @RestForm String numbers,
                                    @RestForm String language) {
        FlowSet flows;
        try {
            flows = editor.check(id, text);
        } catch (ProblemException refused) {
            return Templates.preview(new FlowPreview.Turn(List.of(), null, null, refused.problem().detail()));
        }
        return Templates.preview(preview.step(flows, id, language, state, input, postback, numbers));
    }

    @POST
    @Path("/test-numbers")
    public Response addTestNumber(@RestForm String phone) {
        try {
            editor.addTestNumber(phone, viewer.getUsername());
        } catch (ProblemException refused) {
            return Response.status(refused.problem().status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.flows(editor.all(), editor.testNumbers(), null, refused.problem().detail())).build();
        }
        return Response.seeOther(URI.create("/console/admin/flows?done=" + "added")).build();
    }

    @POST
    @Path("/test-numbers/remove")
    public Response removeTestNumber(@RestForm String phone) {
        editor.removeTestNumber(phone);
        return Response.seeOther(URI.create("/console/admin/flows?done=" + "removed")).build();
    }

    private Response saveChecked(String id, String text) {
        try {
            editor.saveDraft(id, text, viewer.getUsername());
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            // the admin's own text stays in the editor, with the reason
            return Response.status(refused.problem().status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(editor.edited(id), text, null, refused.problem().detail())).build();
        }
        return Response.seeOther(URI.create("/console/admin/flows/" + id + "?done=" + "draft"))
                .build();
    }

    private Response act(String id, java.util.function.Supplier<String> change) {
        String done;
        try {
            done = change.get();
        } catch (ProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            FlowEditor.Edited edited = editor.edited(id);
            return Response.status(refused.problem().status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page(edited, edited.text(), null, refused.problem().detail())).build();
        }
        return Response.seeOther(URI.create("/console/admin/flows/" + id + "?done=" + done)).build();
    }

    private TemplateInstance page(FlowEditor.Edited edited, String text, String flash, String error) {
        FlowEditorView view = FlowEditorView.of(edited.id(), text == null ? "" : text.replace("\r\n", "\n"),
                registry.shipped().messages(), editor.languages(), json);
        return Templates.flow(edited, text, view, flash, error);
    }

    /** What was just done, from the code the redirect carries (never text from the address itself). */
    static String flash(String done) {
        if (done == null) {
            return null;
        }
        String[] p = done.split(":");
        String n = p.length > 1 && p[1].matches("\\d{1,9}") ? p[1] : "?";
        return switch (p[0]) {
            case "draft" -> "草稿已保存，检查通过；发布前只有预览和测试号码能看到";
            case "published" -> "已发布第 " + n + " 版；居民下一次进入此流程时使用，正在进行中的居民按原版本走完";
            case "discarded" -> "草稿已放弃";
            case "restored" -> "已恢复第 " + (p.length > 2 && p[2].matches("\\d{1,9}") ? p[2] : "?") + " 版的内容，作为第 " + n + " 版发布";
            case "shipped" -> "已恢复为出厂版本，作为第 " + n + " 版发布";
            case "added" -> "已添加测试号码";
            case "removed" -> "已移除测试号码";
            default -> null;
        };
    }
}
