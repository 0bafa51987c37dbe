package org.minhu.conversation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.minhu.flow.ConversationState;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StateJsonTest {

    /** As Quarkus configures its mapper: ISO dates, unknown properties ignored; what a build before StateJson read with. */
    private final ObjectMapper plain = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final StateJson json = new StateJson(plain);

    private final Instant active = Instant.parse("2026-12-05T07:30:15.123456789Z");
    private final Instant drafted = Instant.parse("2026-12-04T23:59:59.999Z");

    private final ConversationState state = new ConversationState("file-request", 3, "describe", Map.of("category", "roads",
            "when", "2026-12-05T07:00:00Z", "count", 2), 1, List.of("menu"), "menu", "en", active,
            new ConversationState.Draft("file-request", 3, "place", Map.of("text", "路灯不亮"), drafted));

    @Test
    void theStatesTimesAreWrittenAsNumbersAndReadBackExactly() throws Exception {
        String text = json.write(state);

        assertThat(text).contains("\"lastActivity\":" + active.getEpochSecond() + "." + active.getNano())
                .contains("\"savedAt\":" + drafted.getEpochSecond() + ".999");
        ConversationState read = json.read(text);
        assertThat(read).isEqualTo(state);
        assertThat(read.vars()).containsEntry("when", "2026-12-05T07:00:00Z");
    }

    @Test
    void aBuildBeforeThisFormReadsTheSameInstants() throws Exception {
        // a rolling upgrade or a rollback: an instance without StateJson reads what this one wrote
        ConversationState read = plain.readValue(json.write(state), ConversationState.class);

        assertThat(read.lastActivity()).isEqualTo(active);
        assertThat(read.draft().savedAt()).isEqualTo(drafted);
    }

    @Test
    void aStateWrittenBeforeWithIsoTimesStillReads() throws Exception {
        ConversationState read = json.read("""
                {"flowId":"file-request","flowVersion":3,"stepId":"describe","vars":{"category":"roads"},
                 "invalidCount":0,"backStack":[],"returnTo":null,"language":"zh",
                 "lastActivity":"2026-12-05T07:30:15.123456789Z",
                 "draft":{"flowId":"file-request","flowVersion":3,"stepId":"place","vars":{},"savedAt":"2026-12-04T23:59:59.999Z"}}""");

        assertThat(read.lastActivity()).isEqualTo(active);
        assertThat(read.draft().savedAt()).isEqualTo(drafted);
        assertThat(read.vars()).containsEntry("category", "roads");
    }

    @Test
    void anIdleStateRoundTrips() throws Exception {
        ConversationState idle = ConversationState.idle("zh");
        assertThat(json.read(json.write(idle))).isEqualTo(idle);
    }
}
