package org.minhu.knowledge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the reference files under {@code src/main/resources/reference/} (categories, knowledge
 * base). They ship with the application, so a mistake in one stops the start with the file
 * name and line rather than surfacing later in a resident's conversation.
 */
public final class ReferenceData {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .build();

    private ReferenceData() {
    }

    public static <T> T read(String resource, Class<T> type) {
        ObjectReader reader = YAML.readerFor(type);
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return reader.readValue(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }
}
