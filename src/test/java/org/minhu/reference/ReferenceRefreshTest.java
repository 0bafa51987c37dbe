package org.minhu.reference;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.minhu.cases.DispatchRules;
import org.minhu.console.ReferenceDocuments;
import org.minhu.testing.MockCarrierResource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A version another instance stores reaches this one by the scheduled check, without a restart:
 * the test writes the version straight to the table, as the other instance's save would.
 */
@QuarkusTest
@QuarkusTestResource(MockCarrierResource.class)
class ReferenceRefreshTest {

    @Inject
    ReferenceVersionRepository versions;

    @Inject
    ReferenceDocuments references;

    @Inject
    DispatchRules rules;

    @AfterEach
    void backToTheShippedVersion() {
        references.restoreShipped(DispatchRules.DOCUMENT, "test");
    }

    @Test
    void aVersionStoredElsewhereIsPickedUpWithinTheRefreshPeriod() {
        assertThat(rules.areas()).extracting(DispatchRules.Area::code).doesNotContain("xili");
        String withXili = ReferenceData.shipped(DispatchRules.RESOURCE).replace("areas:\n", """
                areas:
                  - code: xili
                    name: 西丽社区
                    grid: 西丽街道第 1 网格
                    latitude: 22.5800
                    longitude: 113.9500
                    radiusMeters: 800
                """);
        int next = references.current(DispatchRules.DOCUMENT).version() + 1;
        QuarkusTransaction.requiringNew().run(() -> versions.append(
                new ReferenceVersion(DispatchRules.DOCUMENT, next, withXili, "admin-elsewhere", Instant.now())));

        await("the new version picked up").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> rules.area(22.5801, 113.9501).isPresent());
        assertThat(rules.area(22.5801, 113.9501)).map(DispatchRules.Area::grid).contains("西丽街道第 1 网格");
        assertThat(rules.route("municipal", "路灯坏了", 22.5801, 113.9501).grid()).isEqualTo("西丽街道第 1 网格");
        assertThat(references.current(DispatchRules.DOCUMENT).updatedBy()).isEqualTo("admin-elsewhere");
    }
}
