package org.minhu.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the instances of the service tell each other about work. */
@ConfigMapping(prefix = "minhu.messaging")
public interface MessagingConfig {

    /** How often the dead-letter queue is looked at (default in application.properties: a schedule reads it). */
    Duration deadLetterCheck();

    /** This process's name on the signal bus; unique per running instance (a fresh UUID unless set). */
    String instanceId();

    /**
     * How long another instance's resident signal is left to the instance that raised it before this
     * one takes the resident's turn too (if the message is still waiting). Short enough to cover for
     * an instance that died after storing a push, long enough not to queue behind every live turn.
     */
    @WithDefault("1s")
    Duration takeoverAfter();

    /**
     * Signals are fanned out to the other instances at most once per this period and kind (this
     * instance acts on each at once). A busy instance raises two per turn; the others only need to
     * know that there is work, not how much: an outbox to drain, or residents whose messages may
     * wait for a takeover.
     */
    @WithDefault("50ms")
    Duration fanOutEvery();

    /** The RabbitMQ queue where signals that could not be handled are parked ({@code %prod}). */
    @WithDefault("minhu.signals.dead")
    String deadLetterQueue();
}
