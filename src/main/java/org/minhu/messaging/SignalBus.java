package org.minhu.messaging;

/**
 * Carries {@link WorkSignal}s to every instance of the service, this one included. The embedded
 * default has one instance and hands the signal straight to {@link SignalHandler}
 * ({@link InProcessSignalBus}); {@code %prod} also fans it out over RabbitMQ ({@link RabbitSignalBus}).
 */
public interface SignalBus {

    /** Handles the signal here at once and tells the other instances; never throws. */
    void publish(WorkSignal signal);
}
