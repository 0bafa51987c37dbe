package org.minhu.mockcarrier.sim;

import jakarta.ws.rs.core.Response;

/** A scripting-API call that cannot be carried out; answered as {@code {"error": "..."}}. */
public class SimException extends RuntimeException {

    private final Response.Status status;

    public SimException(Response.Status status, String message) {
        super(message);
        this.status = status;
    }

    public static SimException badRequest(String message) {
        return new SimException(Response.Status.BAD_REQUEST, message);
    }

    public static SimException notFound(String message) {
        return new SimException(Response.Status.NOT_FOUND, message);
    }

    public Response.Status status() {
        return status;
    }
}
