package org.minhu.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkSignalTest {

    @Test
    void aSignalCrossesTheWireUnchanged() {
        WorkSignal resident = WorkSignal.resident("tel:+8613800138000", "instance-a");
        WorkSignal outbox = WorkSignal.outbox("instance-b");

        assertThat(WorkSignal.fromJson(resident.toJson())).isEqualTo(resident);
        assertThat(WorkSignal.fromJson(outbox.toJson())).isEqualTo(outbox);
    }

    @Test
    void whatIsNotASignalIsMalformedSoItIsParkedWithoutRetries() {
        for (String wire : new String[]{"not json", "[1]", "{}", "{\"kind\":\"weather\"}", "{\"kind\":\"resident\"}",
                "{\"kind\":42}", null}) {
            assertThatThrownBy(() -> WorkSignal.fromJson(wire)).as(wire)
                    .isInstanceOf(WorkSignal.MalformedSignalException.class);
        }
    }
}
