package org.minhu.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document. Callers see a stable {@code type}, a human {@code title}
 * and a {@code detail} that names what to fix; never a stack trace or a class name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://minhu.org/problems/";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null);
    }

    public Problem withField(String name) {
        return new Problem(type, title, status, detail, name);
    }
}
