package org.minhu.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.minhu.cases.CaseService;
import org.minhu.cases.CaseAction;
import org.minhu.cases.CasePermissions;
import org.minhu.cases.ServiceCase;
import org.minhu.cases.ServiceCaseRepository;
import org.minhu.security.CsrfProtected;

import java.util.List;

/**
 * 回访与复查: the operators' call-back list (residents who have not rated some days after the
 * resolution; the result is recorded in the row) and the cases owing a re-inspection before they can
 * be archived. Each list shows to the roles {@link CasePermissions} lets take that step, within what they may see.
 */
@Path("/console/follow-up")
@CsrfProtected
@Produces(MediaType.TEXT_HTML)
public class FollowUpResource {

    static final int LIST = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance followUp(List<ServiceCase> callBacks, List<ServiceCase> reviews,
                                                boolean callingBack, boolean reviewing);
    }

    private final CaseService caseService;
    private final ServiceCaseRepository cases;
    private final Viewer viewer;

    public FollowUpResource(CaseService caseService, ServiceCaseRepository cases, Viewer viewer) {
        this.caseService = caseService;
        this.cases = cases;
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance page() {
        boolean callingBack = CasePermissions.roleMay(CaseAction.CALL_BACK, viewer.getRole());
        boolean reviewing = CasePermissions.roleMay(CaseAction.REVIEW, viewer.getRole());
        if (!callingBack && !reviewing) {
            throw new ForbiddenException("neither call-backs nor re-inspections are this role's");
        }
        List<ServiceCase> callBacks = callingBack
                ? caseService.callBacksDue(LIST).stream().filter(viewer::canSee).toList() : List.of();
        List<ServiceCase> reviews = reviewing
                ? cases.reviewsDue(LIST).stream().filter(viewer::canSee)
                        .filter(c -> !viewer.getUsername().equals(c.getOwner())).toList()
                : List.of();
        return Templates.followUp(callBacks, reviews, callingBack, reviewing);
    }
}
