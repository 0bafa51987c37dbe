package org.minhu.messaging;

import java.time.Instant;

/**
 * What a signal wakes, provided by the features that do the work: messaging knows no feature, the
 * features implement these and messaging finds them as beans.
 */
public final class SignalReceivers {

    private SignalReceivers() {
    }

    /** Runs residents' turns (the conversation). */
    public interface Residents {
        /** The resident has messages waiting: run their turns on this instance. */
        void submit(String phone);

        /** Takes over every resident whose messages wait since before {@code receivedBefore}; how many. */
        int submitWaiting(Instant receivedBefore);
    }

    /** Sends what waits in the outbox (the carrier). */
    public interface Outbox {
        void wake();
    }
}
