package org.minhu.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.minhu.cases.CaseAction;
import org.minhu.cases.CaseAddition;
import org.minhu.cases.CasePermissions;
import org.minhu.cases.CaseService;
import org.minhu.cases.ServiceCase;

import java.util.List;

/**
 * What the resident added to a case from its progress card (补充材料), for the case page: the texts,
 * and the photos when the viewer may see the case's media. Templates reach it as
 * {@code inject:additions}; the photos are served by {@link CaseResource} under the same rule.
 */
@RequestScoped
@Named("additions")
public class ResidentAdditions {

    private final CaseService cases;
    private final Viewer viewer;

    public ResidentAdditions(CaseService cases, Viewer viewer) {
        this.cases = cases;
        this.viewer = viewer;
    }

    public List<CaseAddition> of(ServiceCase c) {
        if (!CasePermissions.permits(CaseAction.READ_CASE, viewer.staff(), c)) {
            return List.of();
        }
        boolean media = CasePermissions.permits(CaseAction.READ_MEDIA, viewer.staff(), c);
        return cases.additions(c).stream().filter(a -> media || a.getMediaPath() == null).toList();
    }
}
