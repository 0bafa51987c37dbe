package org.minhu.console;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.minhu.cases.CallBackResult;
import org.minhu.cases.CaseworkSteps;
import org.minhu.cases.CaseAction;
import org.minhu.cases.CasePermissions;
import org.minhu.cases.HandlingClass;
import org.minhu.cases.RequestType;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.ServiceCaseRepository;
import org.minhu.common.Problem;
import org.minhu.common.ProblemException;
import org.minhu.security.CsrfProtected;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The case page's casework forms: request type and handling class, 不予受理 with a reason from the
 * list, the result of a call-back (回访), and the re-inspection (复查) with its photo. Who may is
 * {@link CasePermissions}' rows; a refusal shows on the case page with its status, as the page's other actions do.
 */
@Path("/console/cases/{number}/work")
@CsrfProtected
@Produces(MediaType.TEXT_HTML)
public class CaseworkResource {

    private final ServiceCaseRepository cases;
    private final CaseworkSteps steps;
    private final CaseResource page;
    private final Casework casework;
    private final MediaFiles media;
    private final Viewer viewer;

    public CaseworkResource(ServiceCaseRepository cases, CaseworkSteps steps, CaseResource page, Casework casework,
                            MediaFiles media, Viewer viewer) {
        this.cases = cases;
        this.steps = steps;
        this.page = page;
        this.casework = casework;
        this.media = media;
        this.viewer = viewer;
    }

    @POST
    @Path("/classify")
    public Response classify(@PathParam("number") String number, @RestForm String requestType,
                             @RestForm String handlingClass) {
        return page.act(number, "classify", () -> {
            requireMay(CaseAction.CLASSIFY, number);
            return steps.classify(number, viewer.getUsername(), choice(RequestType.class, requestType, "requestType"),
                    choice(HandlingClass.class, handlingClass, "handlingClass"));
        });
    }

    @POST
    @Path("/decline")
    public Response decline(@PathParam("number") String number, @RestForm String reason, @RestForm String note) {
        return page.act(number, "decline", () -> {
            requireMay(CaseAction.DECLINE, number);
            return steps.decline(number, viewer.getUsername(), reason, note);
        });
    }

    @POST
    @Path("/call-back")
    public Response callBack(@PathParam("number") String number, @RestForm String result, @RestForm String note) {
        return page.act(number, "call-back", () -> {
            requireMay(CaseAction.CALL_BACK, number);
            return steps.callBack(number, viewer.getUsername(), choice(CallBackResult.class, result, "result"), note);
        });
    }

    @POST
    @Path("/review")
    public Response review(@PathParam("number") String number, @RestForm String passed, @RestForm String note,
                           @RestForm("photo") FileUpload photo) {
        return page.act(number, "review", () -> {
            requireMay(CaseAction.REVIEW, number);
            if (photo == null || photo.size() == 0) {
                throw ProblemException.badRequest("photo", "复查须附现场照片");
            }
            String photoPath = media.keepStaffPhoto(photo);
            return steps.review(number, viewer.getUsername(), "yes".equals(passed), photoPath, note);
        });
    }

    private void requireMay(CaseAction action, String number) {
        ServiceCase c = cases.findByNumber(number).orElseThrow(() -> ProblemException.notFound("no case " + number));
        CasePermissions.require(action, viewer.staff(), c);
        if (!action.possibleOn(c)) {
            throw ProblemException.conflict("这件诉求当前状态下不能执行此操作");
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest(field, "请从列表中选择"));
    }
}
