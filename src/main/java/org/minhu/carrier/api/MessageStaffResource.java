package org.minhu.carrier.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.minhu.carrier.outbox.Revocations;

/** Staff actions on single bot messages. */
@Path("/api/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "messages")
@RolesAllowed({"operator", "supervisor", "admin"})
public class MessageStaffResource {

    private final Revocations revocations;

    public MessageStaffResource(Revocations revocations) {
        this.revocations = revocations;
    }

    @POST
    @Path("{messageId}/revoke")
    @Operation(summary = "Ask the platform to take back a message; the delivery report confirms it")
    public Response revoke(@PathParam("messageId") String messageId) {
        revocations.revoke(messageId);
        return Response.accepted().build();
    }
}
