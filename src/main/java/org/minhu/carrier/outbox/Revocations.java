package org.minhu.carrier.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.minhu.carrier.client.PlatformAnswer;
import org.minhu.carrier.client.PlatformClient;
import org.minhu.common.Problem;
import org.minhu.common.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Takes back a message staff sent by mistake. The platform answers the request at once and
 * confirms with a {@code revokeOk} (or {@code revokeFail}) delivery report, which sets the status.
 */
@ApplicationScoped
public class Revocations {

    private final OutboxRepository outbox;
    private final PlatformClient platform;

    public Revocations(OutboxRepository outbox, PlatformClient platform) {
        this.outbox = outbox;
        this.platform = platform;
    }

    public PlatformAnswer revoke(String messageId) {
        OutboundMessage message = QuarkusTransaction.requiringNew().call(() -> outbox.findByMessageId(messageId))
                .orElseThrow(() -> ProblemException.notFound("no message " + messageId));
        if (message.getStatus().waiting() || message.getStatus() == OutboundStatus.REJECTED) {
            throw ProblemException.conflict("message " + messageId + " has not reached the platform; nothing to revoke");
        }
        PlatformAnswer answer = platform.revoke(messageId, message.getPhone());
        if (!answer.ok()) {
            throw new ProblemException(Problem.of(502, "platform-refused", "The platform refused",
                    "revoke of " + messageId + ": " + answer));
        }
        return answer;
    }
}
