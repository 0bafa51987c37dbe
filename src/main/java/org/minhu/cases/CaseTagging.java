package org.minhu.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A label on a case: who put it there and when. */
@Entity
@Table(name = "case_tagging")
public class CaseTagging {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "tag_id", nullable = false)
    private Long tagId;

    @Column(name = "tagged_by", nullable = false)
    private String taggedBy;

    @Column(name = "tagged_at", nullable = false)
    private Instant taggedAt;

    protected CaseTagging() {
    }

    public Long getCaseId() {
        return caseId;
    }

    public Long getTagId() {
        return tagId;
    }
}
