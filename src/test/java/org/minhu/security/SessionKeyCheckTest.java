package org.minhu.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Production refuses to start without a session key of at least 16 characters (issue 13, item 7). */
class SessionKeyCheckTest {

    @Test
    void productionWithoutAKeyDoesNotStart() {
        assertThatThrownBy(() -> SessionKeyCheck.refuseWithout(List.of("prod"), Optional.empty()))
                .hasMessageContaining("MINHU_SESSION_KEY");
        assertThatThrownBy(() -> SessionKeyCheck.refuseWithout(List.of("prod"), Optional.of("short")))
                .hasMessageContaining("MINHU_SESSION_KEY");
        assertThatCode(() -> SessionKeyCheck.refuseWithout(List.of("prod"), Optional.of("a-key-of-enough-length")))
                .doesNotThrowAnyException();
        assertThatCode(() -> SessionKeyCheck.refuseWithout(List.of("embedded"), Optional.empty()))
                .as("./run's embedded default makes up a key").doesNotThrowAnyException();
    }
}
