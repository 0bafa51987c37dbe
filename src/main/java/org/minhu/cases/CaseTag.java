package org.minhu.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A label (标签) an admin defines, with a colour, for staff to put on cases ({@link CaseTags}). */
@Entity
@Table(name = "case_tag")
public class CaseTag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    /** #rrggbb */
    @Column(nullable = false)
    private String colour;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CaseTag() {
    }

    CaseTag(String name, String colour, Instant now) {
        this.name = name;
        this.colour = colour;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getColour() {
        return colour;
    }

    /** Black or white, whichever reads better on the label's colour. */
    public String getTextColour() {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        double luminance = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
        return luminance > 150 ? "#1f2328" : "#ffffff";
    }

    void change(String name, String colour) {
        this.name = name;
        this.colour = colour;
    }
}
