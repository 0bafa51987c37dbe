package org.minhu.conversation.subscription;

import java.time.Instant;

/**
 * A resident said 退订 / STOP / TD. Fired inside the transaction that records it, so that notices
 * already waiting for them are withdrawn in the same commit.
 */
public record ResidentOptedOut(String phone, Instant at) {
}
