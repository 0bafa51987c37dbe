package org.minhu.conversation;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.minhu.flow.ConversationState;

import java.time.Instant;

/**
 * A resident's conversation state as their row keeps it, in JSON, read and written once a turn. Its
 * own times (the last activity, a draft's) are written as seconds since the epoch with their fraction
 * ({@code 1764919815.123456789}): parsing an ISO text was half of reading a state. Any reader of the
 * state reads that number as these instants, including a build before this form (Jackson's default
 * reading of a decimal), so instants do not move in a rolling upgrade or a rollback; a state written
 * with ISO times still reads. The flow's variables are written as before, whatever they hold.
 */
final class StateJson {

    private final ObjectReader reader;
    private final ObjectWriter writer;

    StateJson(ObjectMapper json) {
        ObjectMapper mapper = json.copy()
                .addMixIn(ConversationState.class, StateTimes.class)
                .addMixIn(ConversationState.Draft.class, DraftTimes.class);
        this.reader = mapper.readerFor(ConversationState.class);
        this.writer = mapper.writerFor(ConversationState.class);
    }

    ConversationState read(String text) throws JsonProcessingException {
        return reader.readValue(text);
    }

    String write(ConversationState state) throws JsonProcessingException {
        return writer.writeValueAsString(state);
    }

    /** The state's last activity as seconds since the epoch with their fraction. */
    abstract static class StateTimes {
        @JsonFormat(shape = JsonFormat.Shape.NUMBER, with = {JsonFormat.Feature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS,
                JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS})
        abstract Instant lastActivity();
    }

    /** When a draft was kept, as seconds since the epoch with their fraction. */
    abstract static class DraftTimes {
        @JsonFormat(shape = JsonFormat.Shape.NUMBER, with = {JsonFormat.Feature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS,
                JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS})
        abstract Instant savedAt();
    }
}
