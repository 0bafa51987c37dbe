package org.minhu.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Who holds a case: the lead unit (承办单位), the assisting units (协办单位, stored one per comma),
 * the grid it lies in, and the assignee within the lead unit. Its columns are the case's own
 * ({@code service_case}).
 */
@Embeddable
public class CaseUnits {

    /** What may separate assisting units where people type them; stored, they are separated by commas only. */
    public static final String ASSISTING_SEPARATORS = "[,，、;；|\\n]";

    @Column(name = "unit", nullable = false)
    private String unit;

    @Column(name = "grid")
    private String grid;

    @Column(name = "assisting_units")
    private String assistingUnits;

    /**
     * The assignee (承办人) within the lead unit: who took it (我来办), was assigned it or had it passed
     * on, or else the first person who accepted it; they own it to the end (首办负责制). A new unit
     * (派单, 转办, 退单) starts without one.
     */
    @Column(name = "owner")
    private String owner;

    protected CaseUnits() {
    }

    CaseUnits(String unit) {
        this.unit = unit;
    }

    public String getUnit() {
        return unit;
    }

    public String getGrid() {
        return grid;
    }

    public String getAssistingUnits() {
        return assistingUnits;
    }

    public String getOwner() {
        return owner;
    }

    /** Whether {@code unit} leads or assists a case with these units: a whole element of the stored comma list, never a substring. */
    public static boolean involves(String leadUnit, String assistingUnits, String unit) {
        if (unit == null) {
            return false;
        }
        return unit.equals(leadUnit) || assistingUnits != null
                && Arrays.stream(assistingUnits.split(",")).map(String::strip).anyMatch(unit::equals);
    }

    /** To a unit (and a grid, when one is given) with these assisting units, and nobody there owns it yet. */
    void routeTo(String unit, String grid, List<String> assisting) {
        this.unit = unit;
        if (grid != null) {
            this.grid = grid;
        }
        // one unit per comma, trimmed: the inbox and the case page match a unit against exactly these
        String units = assisting == null ? "" : assisting.stream()
                .flatMap(a -> Arrays.stream(a.split(ASSISTING_SEPARATORS)))
                .map(String::strip).filter(a -> !a.isEmpty()).distinct()
                .collect(Collectors.joining(","));
        this.assistingUnits = units.isEmpty() ? null : units;
        this.owner = null;
    }

    void assignTo(String owner) {
        this.owner = owner;
    }
}
