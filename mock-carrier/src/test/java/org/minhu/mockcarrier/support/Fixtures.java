package org.minhu.mockcarrier.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The contract examples in the repository's {@code docs/protocol/} (the folder above this
 * app's, or {@code -Dprotocol.dir}), each given a fresh messageId and the test's phone.
 */
public final class Fixtures {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path PROTOCOL = locate();

    private Fixtures() {
    }

    public static ObjectNode read(String name) {
        try {
            return (ObjectNode) MAPPER.readTree(PROTOCOL.resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An outbound fixture addressed to {@code tel} under a new messageId. */
    public static ObjectNode outbound(String name, String tel) {
        ObjectNode body = read(name);
        body.put("messageId", UUID.randomUUID().toString());
        body.putArray("destinationAddress").add(tel);
        return body;
    }

    public static ObjectNode text(String tel, String text) {
        ObjectNode body = MAPPER.createObjectNode()
                .put("messageId", UUID.randomUUID().toString())
                .put("senderAddress", "sip:12345@botplatform.rcs.example.cn")
                .put("conversationId", "c-" + UUID.randomUUID())
                .put("contributionId", "k-" + UUID.randomUUID());
        body.putArray("destinationAddress").add(tel);
        body.putArray("serviceCapability").addObject().put("capabilityId", "ChatbotSA")
                .put("version", "+g.gsma.rcs.botversion=\"#=1\"");
        body.putArray("reportRequest").add("sent").add("failed").add("delivered").add("displayed")
                .add("deliveredToNetwork");
        body.put("smsSupported", true).put("smsContent", text).put("storeSupported", true);
        body.putArray("messageList").addObject().put("contentType", "text/plain").put("contentText", text);
        return body;
    }

    private static Path locate() {
        String configured = System.getProperty("protocol.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("protocol");
            if (Files.isRegularFile(candidate.resolve("outbound-card-with-chips.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/protocol/ not found above " + Path.of("").toAbsolutePath()
                + "; set -Dprotocol.dir");
    }
}
