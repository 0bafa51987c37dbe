package org.minhu.carrier.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.minhu.carrier.CarrierConfig;
import org.minhu.common.Problem;
import org.minhu.common.ProblemMappers;

/** Refuses an oversize push from its Content-Length, before any of it is read. */
public class BodyLimitFilter {

    private final CarrierConfig config;
    private final MeterRegistry metrics;

    public BodyLimitFilter(CarrierConfig config, MeterRegistry metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    @ServerRequestFilter(preMatching = true)
    public jakarta.ws.rs.core.Response limit(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/5gmsg")) {
            return null;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        try {
            if (Long.parseLong(length.trim()) > config.push().maxBodyBytes()) {
                return tooLarge(metrics, config);
            }
        } catch (NumberFormatException e) {
            return ProblemMappers.toResponse(Problem.of(400, "invalid-field", "Invalid request",
                    "Content-Length is not a number").withField("Content-Length"));
        }
        return null;
    }

    static jakarta.ws.rs.core.Response tooLarge(MeterRegistry metrics, CarrierConfig config) {
        metrics.counter("minhu.carrier.push.refused", "reason", "too-large").increment();
        return ProblemMappers.toResponse(Problem.of(413, "too-large", "Request body too large",
                "a push may be at most " + config.push().maxBodyBytes() + " bytes"));
    }
}
