package org.minhu.carrier.webhook;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.minhu.common.ProblemException;
import org.minhu.common.ProblemMappers;

/**
 * Refuses an oversize push to the rest of {@code /5gmsg} (the URL check, the platform's notices) from
 * its Content-Length, before any of it is read, as {@link PushRoute} does for messages and reports.
 */
public class BodyLimitFilter {

    private final PushIntake intake;

    public BodyLimitFilter(PushIntake intake) {
        this.intake = intake;
    }

    @ServerRequestFilter(preMatching = true)
    public jakarta.ws.rs.core.Response limit(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/5gmsg")) {
            return null;
        }
        ProblemException refused = intake.refusedByLength(request.getHeaderString(HttpHeaders.CONTENT_LENGTH));
        return refused == null ? null : ProblemMappers.toResponse(refused.problem());
    }
}
