package org.minhu.reference;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reference document is built once when an instance starts: the version admins saved if there is
 * one, the shipped file otherwise. Building it is what costs (the knowledge base is indexed with
 * Lucene's SmartChinese analyzer), so these count the parses.
 */
class LiveReferenceTest {

    private static final String NAME = "working-hours";
    private static final String RESOURCE = "reference/working-hours.yaml";

    /** Every document it was asked to build, by source; one whose text says "broken" fails the checks. */
    private final List<String> built = new ArrayList<>();
    private final BiFunction<String, String, String> parse = (source, text) -> {
        built.add(source);
        if (text.contains("broken")) {
            throw new ReferenceDataException(source, null, null, "broken on purpose", null);
        }
        return text;
    };

    private static Optional<ReferenceVersion> saved(int version, String content) {
        return Optional.of(new ReferenceVersion(NAME, version, content, "admin", Instant.now()));
    }

    @Test
    void aVersionAdminsSavedIsTheOnlyOneBuiltAtStart() {
        LiveReference<String> reference = LiveReference.stored(NAME, RESOURCE, parse, saved(3, "monday: 9-17"));

        assertThat(reference.get()).isEqualTo("monday: 9-17");
        assertThat(reference.version()).isEqualTo(3);
        assertThat(built).containsExactly(NAME + " version 3");
    }

    @Test
    void withNothingSavedTheShippedFileIsBuiltOnce() {
        LiveReference<String> reference = LiveReference.stored(NAME, RESOURCE, parse, Optional.empty());

        assertThat(reference.get()).isEqualTo(ReferenceData.shipped(RESOURCE));
        assertThat(reference.version()).isZero();
        assertThat(built).containsExactly(RESOURCE);
    }

    @Test
    void aSavedVersionThatNoLongerPassesTheChecksGivesWayToTheShippedFile() {
        LiveReference<String> reference = LiveReference.stored(NAME, RESOURCE, parse, saved(4, "broken"));

        assertThat(reference.get()).isEqualTo(ReferenceData.shipped(RESOURCE));
        assertThat(reference.version()).isEqualTo(4);
        assertThat(built).containsExactly(NAME + " version 4", RESOURCE);
    }

    @Test
    void aSavedReturnToTheShippedFileBuildsTheShippedFileOnce() {
        LiveReference<String> reference = LiveReference.stored(NAME, RESOURCE, parse, saved(5, null));

        assertThat(reference.get()).isEqualTo(ReferenceData.shipped(RESOURCE));
        assertThat(reference.version()).isEqualTo(5);
        assertThat(built).containsExactly(RESOURCE);
    }
}
