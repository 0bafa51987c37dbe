package org.minhu.carrier.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The platform's chatbot API, relative to {@code {serverRoot}/bot/{apiVersion}/{chatbotId}}.
 * Wrapped by {@link PlatformClient}, which adds the token and reads the platform's error codes.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface PlatformApi {

    @POST
    @Path("/accessToken")
    Response accessToken(String body);

    @POST
    @Path("/messages")
    Response send(@HeaderParam("authorization") String authorization, @HeaderParam("date") String date, String body);

    @POST
    @Path("/revoke")
    Response revoke(@HeaderParam("authorization") String authorization, @HeaderParam("date") String date, String body);

    @POST
    @Path("/update/chatBotInfo/menu")
    Response menu(@HeaderParam("authorization") String authorization, @HeaderParam("date") String date, String body);
}
