package org.minhu.reference;

import io.quarkus.logging.Log;

import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One reference document as a running instance uses it: parsed and checked once, held as an
 * immutable value and swapped whole when admins store a new version, so a reader sees either the
 * old document or the new one, never half of each.
 *
 * @param <T> the parsed document
 */
public final class LiveReference<T> {

    /** What is in use and which stored version it came from; 0 is the shipped file with nothing stored. */
    private record InUse<T>(T value, int version) {
    }

    private final String name;
    private final String resource;
    private final BiFunction<String, String, T> parse;
    private volatile InUse<T> inUse;

    /**
     * @param name     the document's name in the database ({@code categories})
     * @param resource the shipped file on the classpath
     * @param parse    (source, text) to the checked document, exactly as at start-up;
     *                 throws {@link ReferenceDataException}
     */
    private LiveReference(String name, String resource, BiFunction<String, String, T> parse) {
        this.name = name;
        this.resource = resource;
        this.parse = parse;
    }

    /** The shipped file only, for a plain test or tool that has no database. */
    public static <T> LiveReference<T> shipped(String name, String resource, BiFunction<String, String, T> parse) {
        LiveReference<T> reference = new LiveReference<>(name, resource, parse);
        reference.inUse = new InUse<>(parse.apply(resource, ReferenceData.shipped(resource)), 0);
        return reference;
    }

    /** A value that never changes, for checking a document's dependants before saving it. */
    public static <T> LiveReference<T> fixed(String name, String resource, T value) {
        LiveReference<T> reference = new LiveReference<>(name, resource, (source, text) -> value);
        reference.inUse = new InUse<>(value, 0);
        return reference;
    }

    /** The latest stored version, or the shipped file when there is none. */
    public static <T> LiveReference<T> stored(String name, String resource, BiFunction<String, String, T> parse,
                                              ReferenceVersionRepository versions) {
        return stored(name, resource, parse, versions.latest(name));
    }

    /**
     * The same, given the latest stored version. Each document is parsed, checked and (the knowledge
     * base, the categories) indexed once at start-up: the shipped file only when no stored version
     * is used instead. It used to be parsed first in any case, so an instance whose admins had saved
     * a version built that document twice before it was ready.
     */
    static <T> LiveReference<T> stored(String name, String resource, BiFunction<String, String, T> parse,
                                       Optional<ReferenceVersion> latest) {
        LiveReference<T> reference = new LiveReference<>(name, resource, parse);
        reference.inUse = new InUse<>(null, 0);
        reference.use(latest);
        if (reference.inUse.value() == null) {
            reference.inUse = new InUse<>(parse.apply(resource, ReferenceData.shipped(resource)), 0);
        }
        return reference;
    }

    public T get() {
        return inUse.value();
    }

    public int version() {
        return inUse.version();
    }

    public String name() {
        return name;
    }

    public String resource() {
        return resource;
    }

    /** Parses and checks a text as it would be used, without using it. */
    public T check(String text) {
        return parse.apply(name, text);
    }

    /**
     * Uses a stored version from now on. One that no longer passes the checks (the checks grew
     * stricter since it was saved) gives way to the shipped file rather than stopping the service.
     * An older version than the one in use is ignored: a slower reader may bring it late.
     */
    public synchronized void use(Optional<ReferenceVersion> stored) {
        if (stored.isEmpty() || stored.get().getVersion() <= inUse.version()) {
            return;
        }
        ReferenceVersion latest = stored.get();
        String source = name + " version " + latest.getVersion();
        T value;
        try {
            value = latest.getContent() == null ? parse.apply(resource, ReferenceData.shipped(resource))
                    : parse.apply(source, latest.getContent());
        } catch (ReferenceDataException e) {
            Log.errorf("%s no longer passes the checks, using the shipped %s instead: %s", source, resource, e.getMessage());
            value = parse.apply(resource, ReferenceData.shipped(resource));
        }
        inUse = new InUse<>(value, latest.getVersion());
        Log.infof("reference document %s: version %d in use", name, latest.getVersion());
    }
}
