package org.minhu.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minhu.testing.MockCarrierResource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A signal raised inside a transaction waits for the commit, so no instance looks before the work is there. */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class WorkSignalsTest {

    @Inject
    WorkSignals signals;

    private final List<WorkSignal> published = RecordedSignals.PUBLISHED;

    @BeforeEach
    void forgetEarlierSignals() {
        published.clear();
    }

    @Test
    void outsideATransactionASignalGoesOutAtOnce() {
        signals.residentHasWork("tel:+8613711110001");

        assertThat(published).filteredOn(s -> "tel:+8613711110001".equals(s.phone()))
                .extracting(WorkSignal::kind).containsExactly(WorkSignal.Kind.RESIDENT);
    }

    @Test
    void insideATransactionItGoesOutOnlyAfterTheCommit() {
        QuarkusTransaction.requiringNew().run(() -> {
            signals.residentHasWork("tel:+8613711110002");
            assertThat(published).as("not before the commit").noneMatch(s -> "tel:+8613711110002".equals(s.phone()));
        });

        assertThat(published).filteredOn(s -> "tel:+8613711110002".equals(s.phone()))
                .extracting(WorkSignal::kind).containsExactly(WorkSignal.Kind.RESIDENT);
    }

    @Test
    void aRolledBackTransactionRaisesNothing() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            signals.residentHasWork("tel:+8613711110003");
            throw new IllegalStateException("the work could not be written");
        })).hasMessageContaining("could not be written");

        assertThat(published).noneMatch(s -> "tel:+8613711110003".equals(s.phone()));
    }
}
