package org.minhu.mockcarrier.support;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

/** A stand-in for the chatbot's notifyURL, served by the test application itself. */
@Path("/fake-chatbot")
public class FakeChatbotResource {

    private final FakeChatbot chatbot;

    public FakeChatbotResource(FakeChatbot chatbot) {
        this.chatbot = chatbot;
    }

    @POST
    @Path("messageNotification/{chatbotId}/messages")
    public Response message(@PathParam("chatbotId") String chatbotId, @HeaderParam("signature") String signature,
            @HeaderParam("timestamp") String timestamp, @HeaderParam("nonce") String nonce, JsonNode body) {
        chatbot.record("message", chatbotId, signature, timestamp, nonce, body);
        return Response.status(chatbot.messageAnswer()).build();
    }

    @POST
    @Path("deliveryNotification/{chatbotId}/status")
    public Response status(@PathParam("chatbotId") String chatbotId, @HeaderParam("signature") String signature,
            @HeaderParam("timestamp") String timestamp, @HeaderParam("nonce") String nonce, JsonNode body) {
        chatbot.record("status", chatbotId, signature, timestamp, nonce, body);
        return Response.noContent().build();
    }

    @GET
    @Path("notifyPath")
    public Response notifyPath(@HeaderParam("signature") String signature, @HeaderParam("timestamp") String timestamp,
            @HeaderParam("nonce") String nonce, @HeaderParam("echoStr") String echoStr) {
        if (!FakeChatbot.expectedSignature(timestamp, nonce).equals(signature)) {
            return Response.status(401).build();
        }
        return Response.ok().header("echoStr", echoStr).header("appId", FakeChatbot.APP_ID).build();
    }
}
