package org.minhu.messaging;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** In the tests, remembers each signal the bus publishes, then publishes it as usual. */
@Decorator
@Priority(10)
public abstract class RecordedSignals implements SignalBus {

    static final List<WorkSignal> PUBLISHED = new CopyOnWriteArrayList<>();

    @Inject
    @Delegate
    SignalBus bus;

    @Override
    public void publish(WorkSignal signal) {
        PUBLISHED.add(signal);
        bus.publish(signal);
    }
}
