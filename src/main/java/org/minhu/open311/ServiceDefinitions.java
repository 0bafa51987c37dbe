package org.minhu.open311;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.minhu.cases.Categories;
import org.minhu.reference.LocalizedText;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Open311 services: one per category (the category code is the service code), each with
 * the attributes {@code reference/open311-attributes.yaml} gives it. The file is checked at
 * start-up against the categories, so a typo stops the service rather than a client's request.
 */
@ApplicationScoped
@Startup
public class ServiceDefinitions {

    public static final String RESOURCE = "reference/open311-attributes.yaml";

    /** Optional keys (a hint, a list's values) may be left out, unlike in the other reference files. */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    record DefinitionFile(LocalizedText group, Map<String, List<AttributeDefinition>> attributes) {
        @JsonCreator
        DefinitionFile(@JsonProperty(value = "group", required = true) LocalizedText group,
                       @JsonProperty("attributes") Map<String, List<AttributeDefinition>> attributes) {
            this.group = group;
            this.attributes = attributes == null ? Map.of() : attributes;
        }
    }

    private final LocalizedText group;
    private final Map<String, List<AttributeDefinition>> attributes;

    @Inject
    public ServiceDefinitions(Categories categories) {
        this(categories, read(RESOURCE), RESOURCE);
    }

    ServiceDefinitions(Categories categories, DefinitionFile file, String source) {
        if (file.group() == null) {
            throw new IllegalStateException(source + ": group is required");
        }
        Map<String, List<AttributeDefinition>> byService = new LinkedHashMap<>();
        file.attributes().forEach((code, defined) -> {
            if (categories.find(code).isEmpty()) {
                throw new IllegalStateException(source + ": " + code + " is not a category in " + Categories.RESOURCE);
            }
            List<AttributeDefinition> list = defined == null ? List.of() : List.copyOf(defined);
            Set<String> codes = new HashSet<>();
            for (AttributeDefinition attribute : list) {
                if (!codes.add(attribute.code())) {
                    throw new IllegalStateException(source + ": " + code + " has the attribute " + attribute.code() + " twice");
                }
            }
            byService.put(code, list);
        });
        this.group = file.group();
        this.attributes = Map.copyOf(byService);
    }

    static DefinitionFile read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return parse(in.readAllBytes(), resource);
        } catch (IOException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }

    static DefinitionFile parse(byte[] yaml, String source) {
        try {
            return YAML.readValue(yaml, DefinitionFile.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(source + ": " + e.getMessage(), e);
        }
    }

    /** The group every service is listed under. */
    public String group(String language) {
        return group.in(language);
    }

    /** In the order clients should ask them; empty for a service with none. */
    public List<AttributeDefinition> attributes(String serviceCode) {
        return attributes.getOrDefault(serviceCode, List.of());
    }

    /**
     * The answers to keep for what a client sent, by attribute code, in the order the service
     * asks them.
     *
     * @param given code to the values sent, as {@code attribute[code]} (more than one for a multivaluelist)
     * @throws GeoReportException 400 naming the attribute: a required one missing, an answer that
     *                            does not fit, or a code the service does not ask (dropped silently,
     *                            it would be lost while the sender believes it was recorded)
     */
    Map<String, Object> answers(String serviceCode, Map<String, List<String>> given, String language) {
        List<AttributeDefinition> asked = attributes(serviceCode);
        for (String code : given.keySet()) {
            if (asked.stream().noneMatch(a -> a.code().equals(code))) {
                throw GeoReportException.badRequest("attribute[" + GeoReportException.shown(code)
                        + "] is not an attribute of service " + serviceCode + "; see services/" + serviceCode + ".json");
            }
        }
        Map<String, Object> answers = new LinkedHashMap<>();
        for (AttributeDefinition attribute : asked) {
            Object answer = attribute.answer(given.get(attribute.code()), language);
            if (answer != null) {
                answers.put(attribute.code(), answer);
            }
        }
        return answers;
    }
}
