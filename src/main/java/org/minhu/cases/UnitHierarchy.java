package org.minhu.cases;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.minhu.reference.LiveReference;
import org.minhu.reference.ReferenceData;
import org.minhu.reference.ReferenceDataException;
import org.minhu.reference.ReferenceVersionRepository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who stands above whom (区 → 街道 → 社区), from {@code reference/units.yaml} or the version admins
 * last saved: the ladder a case climbs when the unit holding it has not resolved it in time (社区先办,
 * 2 日未办结上提街道). Units are the names cases carry; one that is not listed has no parent.
 */
@ApplicationScoped
public class UnitHierarchy {

    public static final String RESOURCE = "reference/units.yaml";
    public static final String DOCUMENT = "units";

    /** From the bottom up: a parent's level is never below its child's. */
    public enum Level {
        COMMUNITY("社区"), STREET("街道"), DISTRICT("区");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Unit(String name, Level level, String parent, Integer escalateAfterHours) {
        /** As written: the parent and the hours may be left out. */
        @JsonCreator
        static Unit of(@JsonProperty(value = "name", required = true) String name,
                       @JsonProperty(value = "level", required = true) String level,
                       @JsonProperty("parent") @JsonSetter(nulls = Nulls.AS_EMPTY) String parent,
                       @JsonProperty("escalateAfterHours") @JsonSetter(nulls = Nulls.AS_EMPTY) Integer escalateAfterHours) {
            return new Unit(name == null ? null : name.strip(), level(name, level),
                    parent == null || parent.isBlank() ? null : parent.strip(),
                    escalateAfterHours == null || escalateAfterHours == 0 ? null : escalateAfterHours);
        }

        public Unit {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("每个单位都要有名称（name）");
            }
            if (escalateAfterHours != null && escalateAfterHours <= 0) {
                throw new IllegalArgumentException(name + " 的 escalateAfterHours 应为正整数（小时）");
            }
            if (escalateAfterHours != null && parent == null) {
                throw new IllegalArgumentException(name + " 没有上级单位（parent），不能设置 escalateAfterHours");
            }
        }

        private static Level level(String name, String level) {
            try {
                return Level.valueOf(level.strip().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + " 的层级（level）应为 district、street 或 community，而不是 " + level);
            }
        }

        /** How long the unit has to resolve a case before it goes up; empty when it never does. */
        public Optional<Duration> escalateAfter() {
            return Optional.ofNullable(escalateAfterHours).map(Duration::ofHours);
        }
    }

    record UnitsFile(List<Unit> units) {
        @JsonCreator
        UnitsFile(@JsonProperty(value = "units", required = true) List<Unit> units) {
            this.units = units;
        }
    }

    /** One version of the document: the units by name, in the file's order. */
    public record Snapshot(Map<String, Unit> byName) {
    }

    private final LiveReference<Snapshot> document;

    /** The shipped file only, without the database: for plain tests (a factory: see {@code ProxyConstructorsTest}). */
    public static UnitHierarchy shipped() {
        return new UnitHierarchy(LiveReference.shipped(DOCUMENT, RESOURCE, UnitHierarchy::parse));
    }

    private UnitHierarchy(LiveReference<Snapshot> document) {
        this.document = document;
    }

    @Inject
    public UnitHierarchy(ReferenceVersionRepository versions) {
        this.document = LiveReference.stored(DOCUMENT, RESOURCE, UnitHierarchy::parse, versions);
    }

    /**
     * Parses and checks a units document exactly as at start-up: names once each, every parent
     * listed, no parent below its child, no unit its own ancestor.
     *
     * @throws ReferenceDataException naming the line where it can
     */
    public static Snapshot parse(String source, String yaml) {
        List<Unit> units = ReferenceData.parse(source, yaml, UnitsFile.class).units();
        Map<String, Unit> byName = new LinkedHashMap<>();
        for (Unit unit : units) {
            if (byName.putIfAbsent(unit.name(), unit) != null) {
                throw new ReferenceDataException(source, null, null, "单位 " + unit.name() + " 出现了两次", null);
            }
        }
        for (Unit unit : units) {
            if (unit.parent() == null) {
                continue;
            }
            Unit parent = byName.get(unit.parent());
            if (parent == null) {
                throw new ReferenceDataException(source, null, null,
                        unit.name() + " 的上级单位 " + unit.parent() + " 不在单位列表中", null);
            }
            if (parent.level().compareTo(unit.level()) < 0) {
                throw new ReferenceDataException(source, null, null, unit.name() + "（" + unit.level().label()
                        + "）的上级 " + parent.name() + " 是" + parent.level().label() + "级，上级不能低于下级", null);
            }
            Set<String> seen = new HashSet<>(List.of(unit.name()));
            for (Unit up = parent; up != null; up = up.parent() == null ? null : byName.get(up.parent())) {
                if (!seen.add(up.name())) {
                    throw new ReferenceDataException(source, null, null,
                            unit.name() + " 的上级链条绕回了自己（" + String.join(" → ", seen) + "）", null);
                }
            }
        }
        return new Snapshot(java.util.Collections.unmodifiableMap(byName));
    }

    /** The document as in use, for admins to change. */
    public LiveReference<Snapshot> document() {
        return document;
    }

    public Optional<Unit> unit(String name) {
        return Optional.ofNullable(name == null ? null : document.get().byName().get(name));
    }

    /** The unit above {@code name}, if it has one. */
    public Optional<String> parentOf(String name) {
        return unit(name).map(Unit::parent);
    }

    /** {@code name} and every unit above it, bottom up. */
    public List<String> chain(String name) {
        List<String> chain = new ArrayList<>();
        for (String at = name; at != null && !chain.contains(at); at = parentOf(at).orElse(null)) {
            chain.add(at);
        }
        return chain;
    }

    /** The units whose cases go up after a while, with that while. */
    public Map<String, Duration> escalating() {
        Map<String, Duration> escalating = new LinkedHashMap<>();
        document.get().byName().values().forEach(u -> u.escalateAfter().ifPresent(d -> escalating.put(u.name(), d)));
        return escalating;
    }

    /** Every unit listed, in the file's order. */
    public List<String> names() {
        return List.copyOf(document.get().byName().keySet());
    }
}
