package org.minhu.carrier.client;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.minhu.testing.MockCarrierResource;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token the platform refused is dropped at once, even while a token is being fetched: the send's
 * answer drops it on the event loop, which the fetch's own answer needs (waiting there for the
 * fetch's lock left both stuck until the read timed out, and sends with them).
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class PlatformTokenTest {

    @Inject
    PlatformClient proxy;

    @Test
    void aRefusedTokenIsDroppedWithoutWaitingForAFetchInProgress() throws Exception {
        PlatformClient client = ClientProxy.unwrap(proxy);
        String used = client.currentToken();
        assertThat(used).isNotNull();

        CompletableFuture<Void> dropped;
        synchronized (client.fetching) {
            // as if another thread were fetching a token right now
            dropped = CompletableFuture.runAsync(() -> client.invalidate(used));
            dropped.get(10, TimeUnit.SECONDS);
        }

        assertThat(dropped).isDone();
        assertThat(client.currentToken()).as("the next call fetches another token").isNotNull().isNotEqualTo(used);
    }
}
