package org.minhu.messaging;

import io.quarkus.arc.profile.UnlessBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;

/** The embedded default's bus: one instance, so a signal is handled where it is raised. */
@ApplicationScoped
@UnlessBuildProfile("prod")
public class InProcessSignalBus implements SignalBus {

    private final SignalHandler handler;

    public InProcessSignalBus(SignalHandler handler) {
        this.handler = handler;
    }

    @Override
    public void publish(WorkSignal signal) {
        handler.handleLocal(signal);
    }
}
