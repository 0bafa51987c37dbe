package org.minhu.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import io.smallrye.health.api.Wellness;

/**
 * Watches the dead-letter queue, where signals that could not be handled are parked, and whether
 * the broker is reachable at all. Both show in {@code /q/health/well} (check {@code minhu-signals})
 * and as the gauge {@code minhu_messaging_dead_letters}. Neither touches readiness: the service
 * keeps every guarantee without the broker, only slower.
 */
@Wellness
@ApplicationScoped
@IfBuildProfile("prod")
public class DeadLetters implements HealthCheck {

    private final MessagingConfig config;
    private final ConnectionFactory factory = new ConnectionFactory();
    private Connection connection;
    private volatile long parked = -1;
    private volatile String problem = "not checked yet";

    public DeadLetters(MessagingConfig config, MeterRegistry metrics,
                       // the RabbitMQ connector's own keys, given once in application.properties' %prod (this
                       // bean exists only there): no second default here
                       @ConfigProperty(name = "rabbitmq-host") String host,
                       @ConfigProperty(name = "rabbitmq-port") int port,
                       @ConfigProperty(name = "rabbitmq-username") String user,
                       @ConfigProperty(name = "rabbitmq-password") String password,
                       @ConfigProperty(name = "rabbitmq-virtual-host") String virtualHost) {
        this.config = config;
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(user);
        factory.setPassword(password);
        factory.setVirtualHost(virtualHost);
        factory.setConnectionTimeout(3000);
        factory.setAutomaticRecoveryEnabled(false);
        Gauge.builder("minhu.messaging.dead.letters", this, d -> d.parked < 0 ? Double.NaN : d.parked)
                .description("signals parked in the dead-letter queue (NaN while the broker cannot be reached)")
                .register(metrics);
    }

    @Scheduled(every = "${minhu.messaging.dead-letter-check}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void look() {
        try {
            if (connection == null || !connection.isOpen()) {
                connection = factory.newConnection("minhu dead-letter watch");
            }
            try (Channel channel = connection.createChannel()) {
                parked = channel.messageCount(config.deadLetterQueue());
                problem = null;
            }
        } catch (Exception e) {
            parked = -1;
            problem = "broker not reachable: " + e.getClass().getSimpleName();
            close();
        }
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("minhu-signals").withData("deadLetterQueue", config.deadLetterQueue());
        if (problem != null) {
            return response.down().withData("problem", problem).build();
        }
        return response.status(parked == 0).withData("parked", parked).build();
    }

    private synchronized void close() {
        if (connection != null) {
            connection.abort();
            connection = null;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }
}
