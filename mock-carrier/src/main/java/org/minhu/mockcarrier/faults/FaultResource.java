package org.minhu.mockcarrier.faults;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.minhu.mockcarrier.sim.SimException;

/** Scripting API: make the platform slow, flaky or stingy for a while. */
@Path("/sim/faults")
@Produces(MediaType.APPLICATION_JSON)
public class FaultResource {

    private final Faults faults;

    public FaultResource(Faults faults) {
        this.faults = faults;
    }

    @GET
    public View get() {
        return view();
    }

    /** Replaces all fault settings; a field left out takes its default, not its previous value. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public View put(Request request) {
        if (request == null) {
            throw SimException.badRequest("a JSON body with the fault settings is required");
        }
        FaultSettings defaults = faults.defaults();
        FaultSettings settings = new FaultSettings(
                nonNegative("latencyMs", request.latencyMs(), defaults.latencyMs()),
                rate("failureRate", request.failureRate()),
                rate("timeoutRate", request.timeoutRate()),
                nonNegative("timeoutMs", request.timeoutMs(), defaults.timeoutMs()),
                (int) nonNegative("quotaPerSecond", request.quotaPerSecond() == null ? null : request.quotaPerSecond().longValue(),
                        defaults.quotaPerSecond()),
                nonNegative("durationMs", request.durationMs(), 0));
        if (settings.failureRate() + settings.timeoutRate() > 1.0) {
            throw SimException.badRequest("failureRate + timeoutRate must not exceed 1.0");
        }
        faults.set(settings);
        return view();
    }

    @DELETE
    public View reset() {
        faults.reset();
        return view();
    }

    private View view() {
        FaultSettings s = faults.current();
        return new View(s.latencyMs(), s.failureRate(), s.timeoutRate(), s.timeoutMs(), s.quotaPerSecond(),
                s.durationMs(), faults.remainingMs());
    }

    private static long nonNegative(String field, Long value, long fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 0) {
            throw SimException.badRequest(field + " must not be negative");
        }
        return value;
    }

    private static double rate(String field, Double value) {
        if (value == null) {
            return 0.0;
        }
        if (value < 0.0 || value > 1.0) {
            throw SimException.badRequest(field + " must be between 0.0 and 1.0");
        }
        return value;
    }

    public record Request(Long latencyMs, Double failureRate, Double timeoutRate, Long timeoutMs,
            Integer quotaPerSecond, Long durationMs) {
    }

    /** @param remainingMs time left before timed settings lapse; 0 when they are not timed */
    public record View(long latencyMs, double failureRate, double timeoutRate, long timeoutMs, int quotaPerSecond,
            long durationMs, long remainingMs) {
    }
}
