package org.minhu.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.concurrent.CompletionException;

/** The one place where exceptions become problem documents. */
public class ProblemMappers {

    public static Response toResponse(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * The problem a failure is answered with where no REST mapper runs (a Vert.x route): the same
     * documents as the mappers below give a problem, malformed JSON and anything unexpected (logged).
     */
    public static Problem of(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ProblemException e) {
            return e.problem();
        }
        if (cause instanceof JsonProcessingException e) {
            return malformed(e);
        }
        return internal(cause);
    }

    private static Problem malformed(JsonProcessingException e) {
        return Problem.of(400, "malformed-json", "Malformed JSON", e.getOriginalMessage());
    }

    private static Problem internal(Throwable e) {
        Log.error("unexpected failure", e);
        return Problem.of(500, "internal", "Internal error", "The request could not be completed; it was logged");
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return toResponse(e.problem());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return toResponse(malformed(e));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return toResponse(Problem.of(404, "not-found", "Not found", "No such resource"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            Log.error("request failed", e);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        return toResponse(Problem.of(status, "http-" + status, title, title));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        return toResponse(internal(e));
    }
}
