package org.minhu.bench.ceiling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The machine's ceiling for a push: verify the same signature, parse the same JSON, insert one
 * row into PostgreSQL, answer 204. Nothing else. Kept in bench/, never in the product.
 */
@Path("/5gmsg")
public class CeilingResource {

    private static final String TOKEN = System.getProperty("ceiling.token", "mh-demo-token");

    private final AgroalDataSource db;
    private final ObjectMapper json = new ObjectMapper();

    public CeilingResource(AgroalDataSource db) {
        this.db = db;
    }

    @POST
    @Path("messageNotification/{chatbotId}/messages")
    @Consumes(MediaType.WILDCARD)
    public Response push(@PathParam("chatbotId") String chatbotId, @HeaderParam("signature") String signature,
                         @HeaderParam("timestamp") String timestamp, @HeaderParam("nonce") String nonce, byte[] body)
            throws Exception {
        String joined = String.join("", Stream.of(TOKEN, timestamp, nonce).sorted().toList());
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(joined.getBytes(StandardCharsets.UTF_8)));
        if (!expected.equals(signature)) {
            return Response.status(401).build();
        }
        JsonNode push = json.readTree(body);
        try (Connection c = db.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "insert into ceiling_push (message_id, phone, body) values (?, ?, ?)")) {
            insert.setString(1, push.path("messageId").asText());
            insert.setString(2, push.path("senderAddress").asText());
            insert.setString(3, new String(body, StandardCharsets.UTF_8));
            insert.executeUpdate();
        } catch (SQLException e) {
            return Response.status(500).build();
        }
        return Response.noContent().build();
    }
}
