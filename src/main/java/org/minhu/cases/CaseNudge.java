package org.minhu.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A resident's 催办 of their open case: one a day at most (the table's unique index on case and
 * day backs the check in {@link CaseService#nudge}), with the unit, grid and category the case had
 * then, so that the figures count a period's nudges from this table alone.
 */
@Entity
@Table(name = "case_nudge")
public class CaseNudge {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(name = "nudged_on", nullable = false, updatable = false)
    private LocalDate nudgedOn;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(updatable = false)
    private String unit;

    @Column(updatable = false)
    private String grid;

    @Column(nullable = false, updatable = false)
    private String category;

    protected CaseNudge() {
    }

    CaseNudge(ServiceCase c, LocalDate day, Instant at) {
        this.caseId = c.getId();
        this.nudgedOn = day;
        this.at = at;
        this.unit = c.getUnit();
        this.grid = c.getUnits().getGrid();
        this.category = c.getCategory();
    }

    public Long getCaseId() {
        return caseId;
    }

    public LocalDate getNudgedOn() {
        return nudgedOn;
    }

    public Instant getAt() {
        return at;
    }
}
